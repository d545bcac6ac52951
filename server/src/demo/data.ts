/**
 * The fictional world of the demo: partners, customer tenants and the people who sign things.
 * Names are Microsoft's usual fictitious companies plus two Japanese ones. Fixed (not seeded) so the
 * README can name users and tenants that exist in every demo database.
 */

export type Person = { name: string; title: string; email: string; phone?: string };

export type DemoPartner = {
  partnerId: string;
  /** The name the claim carries. */
  name: string;
  /** The name Japanese documents print, when the partner has one. */
  nameJa?: string;
  username: string;
  contact: Person;
  /** People on the partner's side who sign SOWs and write emails. */
  staff: Person[];
  address: string[];
  /** Documents the partner writes in Japanese when its customer is Japanese too. */
  language: 'en' | 'ja';
};

export type DemoCustomer = {
  tenantId: string;
  name: string;
  /** English rendering of a Japanese name, for English documents that cite both. */
  nameEn?: string;
  domain: string;
  language: 'en' | 'ja';
  /** Username of the customer's demo login, for the few tenants that have one. */
  username?: string;
  signatories: Person[];
  address: string[];
  /** Products this customer plausibly buys; claims draw from these. */
  interests: string[];
};

export const DEMO_PARTNERS: readonly DemoPartner[] = [
  {
    partnerId: '4102387',
    name: 'Contoso Consulting',
    username: 'partner-contoso',
    contact: { name: 'Megan Bowen', title: 'Alliance Manager', email: 'megan.bowen@contoso.com', phone: '+1 425 555 0142' },
    staff: [
      { name: 'Adele Vance', title: 'Engagement Manager', email: 'adele.vance@contoso.com' },
      { name: 'Johanna Lorenz', title: 'Solution Architect', email: 'johanna.lorenz@contoso.com' },
    ],
    address: ['Contoso Consulting', '1 Microsoft Way, Suite 400', 'Redmond, WA 98052'],
    language: 'en',
  },
  {
    partnerId: '4287110',
    name: 'Adatum Solutions',
    username: 'partner-adatum',
    contact: { name: 'Diego Siciliani', title: 'Partner Program Lead', email: 'diego.siciliani@adatum.com', phone: '+1 206 555 0187' },
    staff: [
      { name: 'Grady Archie', title: 'Delivery Director', email: 'grady.archie@adatum.com' },
      { name: 'Lidia Holloway', title: 'Project Manager', email: 'lidia.holloway@adatum.com' },
    ],
    address: ['Adatum Solutions', '500 Pine Street, 12th Floor', 'Seattle, WA 98101'],
    language: 'en',
  },
  {
    partnerId: '5029334',
    name: 'Litware Inc.',
    username: 'partner-litware',
    contact: { name: 'Isaiah Langer', title: 'Incentives Coordinator', email: 'isaiah.langer@litware.com' },
    staff: [
      { name: 'Lee Gu', title: 'Practice Lead, Modern Work', email: 'lee.gu@litware.com' },
      { name: 'Nestor Wilke', title: 'Senior Consultant', email: 'nestor.wilke@litware.com' },
    ],
    address: ['Litware Inc.', '2 Park Avenue', 'New York, NY 10016'],
    language: 'en',
  },
  {
    partnerId: '5561902',
    name: 'Proseware, Inc.',
    username: 'partner-proseware',
    contact: { name: 'Lynne Robbins', title: 'Operations Manager', email: 'lynne.robbins@proseware.com', phone: '+1 512 555 0199' },
    staff: [
      { name: 'Pradeep Gupta', title: 'Principal Consultant', email: 'pradeep.gupta@proseware.com' },
      { name: 'Alex Wilber', title: 'Account Executive', email: 'alex.wilber@proseware.com' },
    ],
    address: ['Proseware, Inc.', '300 Congress Avenue', 'Austin, TX 78701'],
    language: 'en',
  },
  {
    partnerId: '6034418',
    name: 'Nihon Cloud Solutions K.K.',
    nameJa: '日本クラウドソリューションズ株式会社',
    username: 'partner-nihoncloud',
    contact: { name: '佐藤 健', title: 'パートナー推進部 マネージャー', email: 'ken.sato@nihoncloud.co.jp', phone: '+81 3 5555 0123' },
    staff: [
      { name: '高橋 直子', title: 'プロジェクトマネージャー', email: 'naoko.takahashi@nihoncloud.co.jp' },
      { name: '伊藤 大輔', title: 'ソリューションアーキテクト', email: 'daisuke.ito@nihoncloud.co.jp' },
    ],
    address: ['日本クラウドソリューションズ株式会社', '東京都港区港南二丁目16番3号', '品川グランドセントラルタワー'],
    language: 'ja',
  },
  {
    partnerId: '7140256',
    name: 'Wingtip Partners',
    username: 'partner-wingtip',
    contact: { name: 'Patti Fernandez', title: 'Director, Partner Success', email: 'patti.fernandez@wingtippartners.com' },
    staff: [
      { name: 'Miriam Graham', title: 'Engagement Lead', email: 'miriam.graham@wingtippartners.com' },
      { name: 'Joni Sherman', title: 'Functional Consultant', email: 'joni.sherman@wingtippartners.com' },
    ],
    address: ['Wingtip Partners', '88 King Street', 'San Francisco, CA 94107'],
    language: 'en',
  },
];

const BIZ_APPS = ['d365_sales', 'd365_customer_service', 'd365_field_service', 'd365_customer_insights', 'power_apps', 'power_automate', 'power_bi'];
const ERP = ['d365_finance', 'd365_supply_chain', 'd365_business_central', 'd365_project_operations', 'd365_commerce', 'd365_human_resources'];
const MODERN_WORK = ['teams', 'teams_phone', 'teams_rooms', 'sharepoint_online', 'onedrive', 'exchange_online', 'm365_apps', 'm365_copilot', 'viva'];
const SECURITY = ['intune', 'entra_id', 'defender_endpoint', 'defender_office', 'purview', 'windows_enterprise'];

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    tenantId: '5d20b215-0965-472e-9cc1-cdaabe24023e',
    name: 'Fabrikam, Inc.',
    domain: 'fabrikam.com',
    language: 'en',
    username: 'customer-fabrikam',
    signatories: [
      { name: 'Jordan Ellis', title: 'Chief Information Officer', email: 'jordan.ellis@fabrikam.com', phone: '+1 425 555 0100' },
      { name: 'Samantha Reyes', title: 'VP, Sales Operations', email: 'samantha.reyes@fabrikam.com' },
    ],
    address: ['Fabrikam, Inc.', '4567 Main Street', 'Buffalo, NY 98052'],
    interests: [...BIZ_APPS, 'copilot_studio', 'dataverse'],
  },
  {
    tenantId: '8ff2b698-5d76-4be5-b58a-71613262a834',
    name: 'Northwind Traders',
    domain: 'northwindtraders.com',
    language: 'en',
    username: 'customer-northwind',
    signatories: [
      { name: 'Andrew Fuller', title: 'Vice President, Operations', email: 'andrew.fuller@northwindtraders.com' },
      { name: 'Nancy Davolio', title: 'IT Director', email: 'nancy.davolio@northwindtraders.com' },
    ],
    address: ['Northwind Traders', '2732 Baker Blvd.', 'Eugene, OR 97403'],
    interests: [...ERP, 'power_bi', 'power_automate'],
  },
  {
    tenantId: 'f94f9b40-b457-4453-a397-640549514807',
    name: 'Woodgrove Bank',
    domain: 'woodgrovebank.com',
    language: 'en',
    username: 'customer-woodgrove',
    signatories: [
      { name: 'Elena Petrova', title: 'Chief Information Security Officer', email: 'elena.petrova@woodgrovebank.com' },
      { name: 'Marcus Grant', title: 'Head of Digital Workplace', email: 'marcus.grant@woodgrovebank.com' },
    ],
    address: ['Woodgrove Bank', '1200 Fifth Avenue', 'Seattle, WA 98101'],
    interests: [...SECURITY, 'd365_customer_service', 'teams'],
  },
  {
    tenantId: '7cf6c0f7-711b-4ede-b995-efc66eda22aa',
    name: 'Tailspin Toys',
    domain: 'tailspintoys.com',
    language: 'en',
    signatories: [
      { name: 'Chris Meyer', title: 'Chief Operating Officer', email: 'chris.meyer@tailspintoys.com' },
      { name: 'Dana Whitfield', title: 'E-commerce Manager', email: 'dana.whitfield@tailspintoys.com' },
    ],
    address: ['Tailspin Toys', '77 Harbor Road', 'Portland, OR 97209'],
    interests: ['d365_commerce', 'd365_business_central', 'power_bi', 'd365_customer_insights', 'teams'],
  },
  {
    tenantId: 'a798d0eb-f3c7-4ee7-b76f-f6f2641ef52a',
    name: '株式会社サンプル商事',
    nameEn: 'Sample Shoji Co., Ltd.',
    domain: 'sample-shoji.co.jp',
    language: 'ja',
    username: 'customer-sample',
    signatories: [
      { name: '山田 太郎', title: '情報システム部 部長', email: 'taro.yamada@sample-shoji.co.jp' },
      { name: '鈴木 花子', title: '営業企画部 課長', email: 'hanako.suzuki@sample-shoji.co.jp' },
    ],
    address: ['株式会社サンプル商事', '大阪府大阪市北区梅田一丁目1番1号'],
    interests: ['d365_sales', 'd365_customer_service', 'power_apps', 'power_bi', 'teams', 'm365_copilot', 'sharepoint_online'],
  },
  {
    tenantId: '883b41ff-c921-491c-985a-18d02eb3cdf3',
    name: '東邦精密工業株式会社',
    nameEn: 'Toho Precision Industries Co., Ltd.',
    domain: 'toho-seimitsu.co.jp',
    language: 'ja',
    signatories: [
      { name: '中村 誠', title: '経営企画室 室長', email: 'makoto.nakamura@toho-seimitsu.co.jp' },
      { name: '小林 由美', title: '生産管理部 マネージャー', email: 'yumi.kobayashi@toho-seimitsu.co.jp' },
    ],
    address: ['東邦精密工業株式会社', '愛知県名古屋市中村区名駅四丁目7番1号'],
    interests: ['d365_supply_chain', 'd365_finance', 'd365_field_service', 'power_bi', 'intune', 'teams_rooms'],
  },
  {
    tenantId: '896ea827-831b-49ef-9f28-18f1ebb07881',
    name: 'Wide World Importers',
    domain: 'wideworldimporters.com',
    language: 'en',
    signatories: [
      { name: 'Hannah Okafor', title: 'Director of Logistics', email: 'hannah.okafor@wideworldimporters.com' },
      { name: 'Tom Brennan', title: 'CFO', email: 'tom.brennan@wideworldimporters.com' },
    ],
    address: ['Wide World Importers', '1500 Terminal Way', 'Long Beach, CA 90802'],
    interests: ['d365_supply_chain', 'd365_finance', 'power_automate', 'power_apps', 'm365_apps'],
  },
  {
    tenantId: '6c0dd20c-2c15-4909-aef0-056d04216f97',
    name: 'Alpine Ski House',
    domain: 'alpineskihouse.com',
    language: 'en',
    signatories: [{ name: 'Kevin Liu', title: 'General Manager', email: 'kevin.liu@alpineskihouse.com' }],
    address: ['Alpine Ski House', '19 Summit Drive', 'Park City, UT 84060'],
    interests: [...MODERN_WORK.slice(0, 6), 'd365_business_central', 'power_pages'],
  },
  {
    tenantId: '7e801d2c-6197-4397-9f5c-bc1ace42e9e7',
    name: 'Coho Winery',
    domain: 'cohowinery.com',
    language: 'en',
    signatories: [{ name: 'Isabel Duarte', title: 'Owner and Managing Director', email: 'isabel.duarte@cohowinery.com' }],
    address: ['Coho Winery', '455 Vineyard Lane', 'Napa, CA 94558'],
    interests: ['d365_business_central', 'power_bi', 'm365_apps', 'onedrive'],
  },
  {
    tenantId: '77abd7b2-0e68-4183-90b4-8bf161623c8b',
    name: 'Trey Research',
    domain: 'treyresearch.net',
    language: 'en',
    signatories: [
      { name: 'Dr. Aisha Rahman', title: 'Chief Scientific Officer', email: 'aisha.rahman@treyresearch.net' },
      { name: 'Paul Novak', title: 'IT Manager', email: 'paul.novak@treyresearch.net' },
    ],
    address: ['Trey Research', '800 Research Park Drive', 'Durham, NC 27709'],
    interests: ['m365_copilot', 'purview', 'sharepoint_online', 'teams', 'entra_id', 'copilot_studio'],
  },
  {
    tenantId: '6aa06c18-73fb-42af-a11a-17d7d5d3e2f0',
    name: 'Relecloud',
    domain: 'relecloud.com',
    language: 'en',
    signatories: [{ name: 'Olivia Martin', title: 'Head of Customer Experience', email: 'olivia.martin@relecloud.com' }],
    address: ['Relecloud', '10 Orbit Plaza', 'Denver, CO 80202'],
    interests: ['d365_customer_service', 'd365_field_service', 'copilot_studio', 'power_pages', 'dataverse'],
  },
  {
    tenantId: '8e6d672a-3d53-4196-a400-003ef3a1bd7a',
    name: 'Fourth Coffee',
    domain: 'fourthcoffee.com',
    language: 'en',
    signatories: [{ name: 'Ravi Shah', title: 'Chief Digital Officer', email: 'ravi.shah@fourthcoffee.com' }],
    address: ['Fourth Coffee', '321 Roast Avenue', 'Seattle, WA 98109'],
    interests: ['d365_commerce', 'd365_customer_insights', 'power_bi', 'intune', 'windows_enterprise'],
  },
  {
    tenantId: '5d3190b6-79cf-42e0-9d85-4543f3d3dfdf',
    name: 'Lamna Healthcare',
    domain: 'lamnahealthcare.com',
    language: 'en',
    signatories: [
      { name: 'Dr. Miguel Santos', title: 'Chief Medical Information Officer', email: 'miguel.santos@lamnahealthcare.com' },
      { name: 'Grace Kim', title: 'Director, IT Infrastructure', email: 'grace.kim@lamnahealthcare.com' },
    ],
    address: ['Lamna Healthcare', '2400 Medical Center Parkway', 'Nashville, TN 37203'],
    interests: ['teams', 'defender_endpoint', 'defender_office', 'intune', 'purview', 'd365_customer_service'],
  },
  {
    tenantId: 'de1220b2-5506-485a-b5dd-e9722dba23b3',
    name: "Margie's Travel",
    domain: 'margiestravel.com',
    language: 'en',
    signatories: [{ name: 'Margie Dawson', title: 'Founder and CEO', email: 'margie.dawson@margiestravel.com' }],
    address: ["Margie's Travel", '55 Ocean Avenue', 'San Diego, CA 92101'],
    interests: ['d365_sales', 'power_apps', 'power_automate', 'teams', 'exchange_online'],
  },
];

export type DemoStaffUser = { id: string; username: string; displayName: string; role: 'reviewer' | 'supervisor' | 'admin' };

export const DEMO_STAFF: readonly DemoStaffUser[] = [
  { id: 'reviewer1', username: 'reviewer1', displayName: 'Alex Johnson', role: 'reviewer' },
  { id: 'reviewer2', username: 'reviewer2', displayName: 'Priya Raman', role: 'reviewer' },
  { id: 'reviewer3', username: 'reviewer3', displayName: '田中 美咲', role: 'reviewer' },
  { id: 'reviewer4', username: 'reviewer4', displayName: 'Lukas Becker', role: 'reviewer' },
  { id: 'supervisor', username: 'supervisor', displayName: 'Morgan Lee', role: 'supervisor' },
  { id: 'admin', username: 'admin', displayName: 'Demo Administrator', role: 'admin' },
];

/** The reviewer who writes in Japanese (comments on Japanese claims). */
export const JAPANESE_REVIEWER_ID = 'reviewer3';
