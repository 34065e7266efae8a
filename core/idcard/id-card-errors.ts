/**
 * The resident-ID reader's errors (二代证阅读器), part of the one catalogue in core/errors.ts: each says what
 * happened and what to do; the counter runs on without the reader whatever it says. Runtime: any.
 */
export const ID_CARD_ERRORS = {
  IDCARD_NOT_CONFIGURED: {
    status: 409,
    zh: '未设置身份证阅读器：请管理员在“系统设置 → 身份证阅读器”中填写阅读器的动态库，或手工录入证件信息。',
    en: 'No resident-ID reader is set up; an administrator sets one in the settings, or type the details.',
  },
  IDCARD_LIBRARY_MISSING: {
    status: 503,
    zh: '找不到身份证阅读器的动态库：请按安装说明把阅读器厂家的库文件放到设置的位置；可先手工录入证件信息。',
    en: 'The ID reader SDK library is not where the settings say; install it (docs/install.md) or type the details.',
  },
  IDCARD_LIBRARY_INVALID: {
    status: 503,
    zh: '身份证阅读器的动态库无法加载：文件不是本机可用的库（架构不符或文件损坏），请向厂家索取与本机相同架构的版本。',
    en: 'The ID reader SDK library cannot be loaded: not a library for this machine (architecture or damaged file).',
  },
  IDCARD_LIBRARY_EXPORTS: {
    status: 503,
    zh: '身份证阅读器的动态库缺少所需的函数（不是身份证阅读器开发包的接口库）：请确认库文件是阅读器厂家随阅读器提供的开发包。',
    en: 'The ID reader SDK library lacks the termb functions the counter calls; check it is the maker’s termb SDK.',
  },
  IDCARD_PORT_FAILED: {
    status: 503,
    zh: '打不开身份证阅读器的端口：请检查阅读器的连接线和设置的端口号（USB 为 1001–1016，串口为 1–16）。',
    en: 'The ID reader port cannot be opened; check the cable and the port number (USB 1001-1016, serial 1-16).',
  },
  IDCARD_NO_READER: {
    status: 503,
    zh: '身份证阅读器没有连接或没有响应：请检查连接线和电源后重试。',
    en: 'The ID reader is not connected or does not answer; check its cable and power.',
  },
  IDCARD_NO_CARD: {
    status: 409,
    zh: '阅读器上没有身份证：请把身份证平放在阅读器的感应区上，再点“读身份证”。',
    en: 'No ID card on the reader; lay the card flat on the reader and read again.',
  },
  IDCARD_READ_FAILED: {
    status: 503,
    zh: '读身份证失败：请把身份证拿开后重新放好再读；仍不行请手工录入。',
    en: 'Reading the ID card failed; lift the card, lay it again and retry, or type the details.',
  },
  IDCARD_STUCK: {
    status: 504,
    zh: '身份证阅读器无响应（超时），已停止等待：请拔插阅读器后重试，或手工录入证件信息。',
    en: 'The ID reader stopped answering (timed out); replug it and retry, or type the details.',
  },
  IDCARD_DATA_INVALID: {
    status: 422,
    zh: '读到的身份证信息校验不通过（号码或日期不正确）：请重新放卡再读；仍不通过请核对证件后手工录入。',
    en: 'The ID card data read does not pass its checks (number or dates); read again or type the details.',
  },
  IDCARD_PHOTO_NOT_ENABLED: {
    status: 409,
    zh: '本公司未启用“保存证件照片”，证件照片不能存入用户档案（照片只供核对）；如需保存，请管理员在系统设置中启用。',
    en: 'Keeping ID card photos is not enabled for this company; the photo is for checking only.',
  },
} as const;
