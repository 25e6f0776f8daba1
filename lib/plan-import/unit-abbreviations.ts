/**
 * Standard abbreviations of Thai local-government units (the divisions of the Interior Ministry's municipal
 * and SAO structures), used only when the document neither defines an abbreviation ("กองวิชาการและแผนงาน
 * (กวช.)") nor spells out a unit it stands for elsewhere (./unit-groups.ts). Each stands for one unit in
 * common use; add an entry only when it cannot mean another unit of a local government.
 */
export const STANDARD_UNIT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'สป.': 'สำนักปลัด',
  'กค.': 'กองคลัง',
  'กช.': 'กองช่าง',
  'กศ.': 'กองการศึกษา',
  'กสธ.': 'กองสาธารณสุขและสิ่งแวดล้อม',
  'กวช.': 'กองวิชาการและแผนงาน',
};
