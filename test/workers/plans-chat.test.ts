import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../schema/contracts/plan-document';
import { formatBaht } from '../../lib/thai-format';
import { fiscalYearOf, nearestYear } from '../../lib/fiscal-year';
import { choosePlan } from '../../worker/plans/choose-plan';
import { rankProjects } from '../../worker/plans/rank';
import { conversation, newUserId, platformApi, quickReplyLabels, type SentMessage } from './support/line';
import { seedPlans } from './support/plans';

let plans: Record<string, PlanDocument>;
beforeAll(async () => {
  plans = await seedPlans();
});

const chatWith = (slug: string) => conversation(slug, { type: 'user', userId: newUserId() });
const projectsOf = (doc: PlanDocument) =>
  doc.dimensions.flatMap((d) => d.missions.flatMap((m) => m.projects));
// biome-ignore lint/suspicious/noExplicitAny: Flex JSON is walked generically.
const textsIn = (node: any): string[] =>
  node && typeof node === 'object'
    ? [...(typeof node.text === 'string' ? [node.text] : []), ...Object.values(node).flatMap(textsIn)]
    : [];
// biome-ignore lint/suspicious/noExplicitAny: Flex JSON is walked generically.
const urisIn = (bubble: any): string[] => (bubble.footer?.contents ?? []).map((b: any) => b.action.uri);
const flexOf = (messages: SentMessage[]) => messages.find((m) => m.message.type === 'flex')!.message;

describe('"แผนป้องกันการทุจริต"', () => {
  it('answers with one bubble per dimension: project count, this fiscal year’s budget, a link there', async () => {
    const doc = plans.chanthaburi!;
    const year = nearestYear(doc.fiscalYears, fiscalYearOf(Date.now()))!;
    const messages = await chatWith('chanthaburi').say('แผนป้องกันการทุจริต');
    expect(messages.every((m) => m.via === 'reply')).toBe(true);
    const flex = flexOf(messages);
    expect(flex.altText).toContain('เทศบาลเมืองจันทบุรี');
    const [overview, ...bubbles] = flex.contents.contents;
    expect(textsIn(overview)).toContain(`${projectsOf(doc).length > 0 ? '' : ''}4 มิติ`);
    expect(urisIn(overview)).toEqual(['http://127.0.0.1:8787/o/chanthaburi/plans/2566-2570']);
    expect(bubbles).toHaveLength(doc.dimensions.length);
    for (const [i, dimension] of doc.dimensions.entries()) {
      const texts = textsIn(bubbles[i]);
      const projects = dimension.missions.flatMap((m) => m.projects);
      const budget = projects.reduce((a, p) => a + (p.budget[String(year)] ?? 0), 0);
      expect(texts).toContain(`มิติที่ ${dimension.number}`);
      expect(texts).toContain(dimension.name);
      expect(texts).toContain(`งบประมาณปี ${year}`);
      expect(texts).toContain(formatBaht(budget));
      const counted = texts.find((t) => /\d+ (โครงการ|กิจกรรม|มาตรการ)/.test(t))!;
      const sum = [...counted.matchAll(/(\d+) /g)].reduce((a, m) => a + Number(m[1]), 0);
      expect(sum).toBe(projects.length);
      expect(urisIn(bubbles[i])).toEqual([
        `http://127.0.0.1:8787/o/chanthaburi/plans/2566-2570/projects?dimension=${dimension.number}`,
      ]);
    }
  });

  it('is what the welcome’s quick reply sends, and typed with stray spaces works too', async () => {
    const chat = chatWith('lampang');
    const [welcome] = await chat.say('สวัสดี');
    expect(quickReplyLabels(welcome!.message)).toContain('แผนป้องกันการทุจริต');
    for (const typed of ['แผนป้องกันการทุจริต', '  แผน ป้องกัน การทุจริต ']) {
      const flex = flexOf(await chat.say(typed));
      expect(flex.contents.contents).toHaveLength(1 + plans.lampang!.dimensions.length);
    }
  });

  it('says which year it shows when the plan does not cover this fiscal year (Trang: FY2562–2564)', async () => {
    const current = fiscalYearOf(Date.now());
    const messages = await chatWith('trang').say('แผนป้องกันการทุจริต');
    const chosen = choosePlan([{ firstYear: 2562, lastYear: 2564 }], current)!;
    expect(chosen.lastYear < current).toBe(true);
    expect(messages[0]!.message.type).toBe('text');
    expect(messages[0]!.message.text).toContain(`ปีงบประมาณ ${current}`);
    expect(messages[0]!.message.text).toContain('งบประมาณปี 2564');
    expect(textsIn(flexOf(messages))).toContain('งบประมาณปี 2564');
  });

  it('an organisation without a plan says so kindly', async () => {
    const [reply, ...rest] = await chatWith('mueang-chan').say('แผนป้องกันการทุจริต');
    expect(rest).toEqual([]);
    expect(reply!.message.text).toContain('ยังไม่ได้เผยแพร่แผนป้องกันการทุจริต');
  });
});

describe('"โครงการ <คำค้น>"', () => {
  it('answers with the best matches first, each linking to its LIFF page', async () => {
    const doc = plans.chanthaburi!;
    const chat = chatWith('chanthaburi');
    const messages = await chat.say('โครงการ คุณธรรม');
    // A search may take a moment: LINE's loading animation shows first, checked against LINE's schema.
    const requests = await platformApi<{ kind: string; status: number }[]>(
      `/_platform/requests?channel=chanthaburi&chat=${chat.chatId}`,
    );
    expect(requests.map((r) => [r.kind, r.status])).toEqual([
      ['loading', 202],
      ['reply', 200],
    ]);
    const expected = rankProjects('คุณธรรม', projectsOf(doc));
    expect(messages[0]!.message.text).toContain(`พบ ${expected.length} รายการ`);
    const bubbles = flexOf(messages).contents.contents;
    expect(bubbles).toHaveLength(Math.min(expected.length, 10) + (expected.length > 10 ? 1 : 0));
    for (const [i, project] of expected.slice(0, 10).entries()) {
      expect(textsIn(bubbles[i])).toContain(project.name);
      expect(urisIn(bubbles[i])).toEqual([
        `http://127.0.0.1:8787/o/chanthaburi/plans/2566-2570/projects/${project.sequence}`,
      ]);
    }
  });

  it('puts an exact name first', async () => {
    const bubbles = flexOf(await chatWith('chanthaburi').say('โครงการโรงเรียนคุณธรรม')).contents.contents;
    expect(textsIn(bubbles[0])).toContain('โครงการโรงเรียนคุณธรรม');
  });

  it('shows at most ten and links to the full list when more match', async () => {
    const doc = plans.lampang!;
    const expected = rankProjects('กอง', projectsOf(doc));
    expect(expected.length).toBeGreaterThan(10);
    const messages = await chatWith('lampang').say('โครงการ กอง');
    expect(messages[0]!.message.text).toContain('แสดง 10 รายการที่ตรงที่สุด');
    const bubbles = flexOf(messages).contents.contents;
    expect(bubbles).toHaveLength(11);
    expect(textsIn(bubbles[10])).toContain(
      `พบทั้งหมด ${expected.length} รายการ ดูรายการทั้งหมดพร้อมตัวกรองได้ในหน้าแผน`,
    );
    expect(urisIn(bubbles[10])).toEqual([
      `http://127.0.0.1:8787/o/lampang/plans/2566-2570/projects?q=${encodeURIComponent('กอง')}`,
    ]);
  });

  it('finds nothing: a friendly Thai answer with example searches that do find something', async () => {
    const chat = chatWith('chanthaburi');
    const [reply, ...rest] = await chat.say('โครงการ ยานอวกาศ');
    expect(rest).toEqual([]);
    expect(reply!.message.text).toContain('ไม่พบโครงการที่ตรงกับ “ยานอวกาศ”');
    const labels = quickReplyLabels(reply!.message);
    expect(labels.at(-1)).toBe('แผนป้องกันการทุจริต');
    expect(labels.length).toBeGreaterThan(1);
    // Every suggestion really finds something.
    for (const keyword of labels.slice(0, -1)) {
      const messages = await chat.say(`โครงการ ${keyword}`);
      expect(messages[0]!.message.text).toMatch(/^พบ \d+ รายการ/);
    }
  });

  it('"โครงการ" alone explains how to search', async () => {
    const [reply] = await chatWith('trang').say('โครงการ');
    expect(reply!.message.text).toContain('พิมพ์ “โครงการ” ตามด้วยคำที่ต้องการค้นหา');
  });

  it('an organisation without a plan says so', async () => {
    const [reply] = await chatWith('mueang-chan').say('โครงการ อบรม');
    expect(reply!.message.text).toContain('ยังไม่ได้เผยแพร่แผนป้องกันการทุจริต');
  });
});
