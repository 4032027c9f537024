// Chinese public holidays and working-day adjustments (放假调休), year by year, as the State Council's
// General Office publishes them each autumn for the next year ("国务院办公厅关于 YYYY 年部分节假日安排的通知").
// `holidays` are the days off of each arrangement, from its first to its last day (weekend days inside
// included); `workdays` are the weekend days that are working days instead (调休上班).
//
// Official years: 2024, 2025, 2026 (each notice's text quoted in `source`). Not yet published: 2027 —
// only the statutory days of the 全国年节及纪念日放假办法 (2024 revision, in force 2025-01-01: New Year 1,
// Spring Festival 4 from the eve, Qingming 1, Labour Day 2, Dragon Boat 1, Mid-Autumn 1, National Day 3)
// are listed, on that year's lunar dates, without the adjustments the notice will add; answers for it
// are marked provisional. Add a year when its notice is published and move it to `official`.
export interface HolidayYear {
  year: number;
  /** 'official': the State Council's notice; 'provisional': statutory days only, no notice yet. */
  status: 'official' | 'provisional';
  source: string;
  holidays: ReadonlyArray<{ name: string; from: string; to: string }>;
  workdays: readonly string[];
}

export const CN_HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2024,
    status: 'official',
    source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）',
    holidays: [
      { name: '元旦 New Year', from: '2024-01-01', to: '2024-01-01' },
      { name: '春节 Spring Festival', from: '2024-02-10', to: '2024-02-17' },
      { name: '清明节 Qingming', from: '2024-04-04', to: '2024-04-06' },
      { name: '劳动节 Labour Day', from: '2024-05-01', to: '2024-05-05' },
      { name: '端午节 Dragon Boat', from: '2024-06-10', to: '2024-06-10' },
      { name: '中秋节 Mid-Autumn', from: '2024-09-15', to: '2024-09-17' },
      { name: '国庆节 National Day', from: '2024-10-01', to: '2024-10-07' },
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  {
    year: 2025,
    status: 'official',
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
    holidays: [
      { name: '元旦 New Year', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节 Spring Festival', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节 Qingming', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节 Labour Day', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节 Dragon Boat', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节 National Day and Mid-Autumn', from: '2025-10-01', to: '2025-10-08' },
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    status: 'official',
    source: '国务院办公厅关于2026年部分节假日安排的通知（国务院办公厅，2025年11月4日）',
    holidays: [
      { name: '元旦 New Year', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节 Spring Festival', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节 Qingming', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节 Labour Day', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节 Dragon Boat', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节 Mid-Autumn', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节 National Day', from: '2026-10-01', to: '2026-10-07' },
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  {
    year: 2027,
    status: 'provisional',
    source:
      '全国年节及纪念日放假办法（2024年11月修订）的法定假日，按 2027 年农历日期；国务院办公厅 2027 年放假安排尚未发布，调休未知',
    holidays: [
      { name: '元旦 New Year', from: '2027-01-01', to: '2027-01-01' },
      { name: '春节 Spring Festival', from: '2027-02-05', to: '2027-02-08' },
      { name: '清明节 Qingming', from: '2027-04-05', to: '2027-04-05' },
      { name: '劳动节 Labour Day', from: '2027-05-01', to: '2027-05-02' },
      { name: '端午节 Dragon Boat', from: '2027-06-09', to: '2027-06-09' },
      { name: '中秋节 Mid-Autumn', from: '2027-09-15', to: '2027-09-15' },
      { name: '国庆节 National Day', from: '2027-10-01', to: '2027-10-03' },
    ],
    workdays: [],
  },
];
