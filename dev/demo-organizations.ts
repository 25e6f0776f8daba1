/**
 * Demo organisations (the ones whose documents are in dev/shared/seeds) with their DEVELOPMENT LINE
 * channel credentials. These are not secrets: they only work against the local LINE platform, and the
 * README lists them so anyone can sign a webhook with curl. Production credentials are loaded with the
 * operator command and are never committed.
 */
export interface DemoOrganization {
  slug: string;
  name: string;
  kind: 'city_municipality' | 'town_municipality' | 'subdistrict_municipality' | 'sao';
  province: string;
  channelId: string;
  channelSecret: string;
  channelAccessToken: string;
  liffId: string;
  /** The bot's own user id: the `destination` of every webhook body for this channel. */
  botUserId: string;
}

export const demoOrganizations: DemoOrganization[] = [
  {
    slug: 'chanthaburi',
    name: 'เทศบาลเมืองจันทบุรี',
    kind: 'town_municipality',
    province: 'จันทบุรี',
    channelId: '2000000001',
    channelSecret: 'fb785419ac9db90a947c9ccb28068b13',
    channelAccessToken: 'dev-token-chanthaburi',
    liffId: '2000000001-chanthab',
    botUserId: 'U00000000000000000000000000000001',
  },
  {
    slug: 'trang',
    name: 'เทศบาลนครตรัง',
    kind: 'city_municipality',
    province: 'ตรัง',
    channelId: '2000000002',
    channelSecret: 'c61994518ad709337159b80d9a6ae0bd',
    channelAccessToken: 'dev-token-trang',
    liffId: '2000000002-trangcty',
    botUserId: 'U00000000000000000000000000000002',
  },
  {
    slug: 'mueang-chan',
    name: 'เทศบาลตำบลเมืองจันทร์',
    kind: 'subdistrict_municipality',
    province: 'ศรีสะเกษ',
    channelId: '2000000003',
    channelSecret: '8562b0361f2510b1aa5d5b519e3a693c',
    channelAccessToken: 'dev-token-mueang-chan',
    liffId: '2000000003-mueangch',
    botUserId: 'U00000000000000000000000000000003',
  },
  {
    slug: 'lampang',
    name: 'เทศบาลนครลำปาง',
    kind: 'city_municipality',
    province: 'ลำปาง',
    channelId: '2000000004',
    channelSecret: 'eeafbe22074a3c29f7fae0dd0644b88f',
    channelAccessToken: 'dev-token-lampang',
    liffId: '2000000004-lampangc',
    botUserId: 'U00000000000000000000000000000004',
  },
];
