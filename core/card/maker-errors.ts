/**
 * A meter maker's card library that cannot be used (part of the one catalogue in core/errors.ts): said at start
 * and whenever a card operation needs it; the counter runs on without it. Runtime: any.
 */
export const MAKER_CARD_ERRORS = {
  CARD_LIBRARY_MISSING: {
    status: 503,
    zh: '找不到表厂的卡库（动态库）：请按安装说明把表厂提供的库文件放到清单指定的位置。',
    en: 'The meter maker’s card library is not where its manifest says; install it (docs/card-format.md).',
  },
  CARD_LIBRARY_INVALID: {
    status: 503,
    zh: '表厂的卡库无法加载：文件不是本机可用的库（架构不符或文件损坏），请向表厂索取与本机相同架构的版本。',
    en: 'The meter maker’s card library cannot be loaded: not a library for this machine.',
  },
  CARD_LIBRARY_EXPORTS: {
    status: 503,
    zh: '表厂的卡库缺少清单中写明的函数：请核对清单与库文件的版本。',
    en: 'The meter maker’s card library lacks a function its manifest names; check both versions.',
  },
  CARD_TOOL_UNSUPPORTED: {
    status: 409,
    zh: '这家表厂的卡库清单没有写明制作这种工具卡的函数，不能在本系统制作；请用表厂自己的软件制作，或请表厂提供该函数后补进清单。',
    en: 'The meter maker’s manifest names no function for this tool card; make it with the maker’s own software.',
  },
} as const;

/** The tool cards a card format can make (the kinds of gas-card.ts other than a user card). */
export const TOOL_CARD_KINDS = ['setup', 'clear', 'check', 'meter_change'] as const;
export type ToolCardKind = (typeof TOOL_CARD_KINDS)[number];

/** Tool cards by their Chinese names (the kinds of gas-card.ts other than a user card). */
export const TOOL_CARD_NAMES = {
  setup: '设置卡',
  clear: '清零卡',
  check: '检查卡',
  meter_change: '换表卡',
} as const satisfies Record<ToolCardKind, string>;
