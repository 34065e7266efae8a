/**
 * Every error that crosses a boundary (IPC, HTTP, CLI) has a stable code, an HTTP-like status and a polite
 * message in Chinese (and English). Runtime: any.
 */
import { MAKER_CARD_ERRORS } from './card/maker-errors';
import { ID_CARD_ERRORS } from './idcard/id-card-errors';

interface ErrorSpec {
  readonly status: number;
  readonly zh: string;
  readonly en: string;
}

export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    zh: '填写的内容有误，请按提示修改后再提交。',
    en: 'Some fields are invalid; please correct them and try again.',
  },
  MALFORMED_REQUEST: {
    status: 400,
    zh: '请求格式不正确，请刷新页面后重试。',
    en: 'The request is malformed; please reload and try again.',
  },
  REQUEST_ID_REUSED: {
    status: 409,
    zh: '这个请求编号已用于另一笔不同的业务，请重新办理（不会重复收费）。',
    en: 'This requestId was already used for a different request; start the action again.',
  },
  REQUEST_ALREADY_DONE: {
    status: 409,
    zh: '这笔业务已经办理成功（上次的应答未送达），请在业务记录中查看结果，不要重复办理。',
    en: 'This request was already carried out (its answer was lost); look it up in the records, do not repeat it.',
  },
  REQUEST_TOO_LARGE: {
    status: 413,
    zh: '提交的内容过大（超过 1 MB），柜台不予受理，请减少内容后重试。',
    en: 'The request body is over 1 MB; the counter refuses it.',
  },
  UNKNOWN_OPERATION: {
    status: 404,
    zh: '没有这项业务操作，请确认程序版本。',
    en: 'There is no such operation; please check the application version.',
  },
  UNAUTHORIZED: {
    status: 401,
    zh: '访问令牌缺失或不正确，请使用启动时给出的地址打开。',
    en: 'The access token is missing or wrong; open the address printed at start-up.',
  },
  FORBIDDEN_ORIGIN: {
    status: 403,
    zh: '请求来源不被允许。',
    en: 'Requests from this origin are not allowed.',
  },
  NOT_LOGGED_IN: { status: 401, zh: '请先登录。', en: 'Please log in first.' },
  SESSION_LOCKED: {
    status: 423,
    zh: '屏幕已锁定，请输入密码解锁。',
    en: 'The screen is locked; enter your password to unlock.',
  },
  BAD_CREDENTIALS: {
    status: 401,
    zh: '用户名或密码不正确，请重新输入。',
    en: 'Wrong user name or password; please try again.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '该账号因多次密码错误已被暂时锁定，请稍后再试或联系管理员解锁。',
    en: 'This account is locked after repeated wrong passwords; try later or ask an administrator.',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    zh: '该账号已停用，请联系管理员。',
    en: 'This account is disabled; please contact an administrator.',
  },
  PERMISSION_DENIED: {
    status: 403,
    zh: '您的岗位无权办理此项业务，请联系班长。',
    en: 'Your role may not do this; please ask a supervisor.',
  },
  APPROVAL_REQUIRED: {
    status: 403,
    zh: '此项业务需要班长审批，请班长输入账号和密码。',
    en: 'This needs a supervisor’s approval; a supervisor must enter their credentials.',
  },
  APPROVAL_INVALID: {
    status: 403,
    zh: '审批人账号或密码不正确，或审批人无审批权限。',
    en: 'The approver’s credentials are wrong or the approver may not approve this.',
  },
  APPROVAL_SELF: {
    status: 403,
    zh: '审批须由另一位班长办理，不能审批自己的业务。',
    en: 'Another supervisor must approve; nobody may approve their own operation.',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    zh: '本终端密码错误次数过多，请稍候再试（等待秒数见详情）。',
    en: 'Too many wrong passwords from this terminal; wait a moment and try again (see retryAfterSeconds).',
  },
  SETUP_REQUIRED: {
    status: 409,
    zh: '本柜台尚未初始化，请先填写网点、柜台和管理员信息。',
    en: 'This counter is not set up yet; enter the hall, counter and administrator first.',
  },
  ALREADY_SET_UP: { status: 409, zh: '本柜台已经初始化过了。', en: 'This counter is already set up.' },
  NOT_FOUND: { status: 404, zh: '没有找到对应的记录。', en: 'No such record.' },
  CUSTOMER_NOT_FOUND: {
    status: 404,
    zh: '没有找到该用户，请核对用户编号。',
    en: 'No such customer; please check the account number.',
  },
  DUPLICATE_ACCOUNT_NO: {
    status: 409,
    zh: '该用户编号已存在，请核对后重新输入。',
    en: 'This account number already exists.',
  },
  DUPLICATE_METER_NO: {
    status: 409,
    zh: '该表号已登记在其他用户名下，请核对表号。',
    en: 'This meter number is already registered to another customer.',
  },
  DUPLICATE_USERNAME: { status: 409, zh: '该登录名已被使用，请换一个。', en: 'This user name is taken.' },
  ILLEGAL_STATUS_TRANSITION: {
    status: 409,
    zh: '当前状态下不能办理此项业务。',
    en: 'This is not allowed in the customer’s current status.',
  },
  STALE_RECORD: {
    status: 409,
    zh: '该记录刚被其他人修改过，请刷新后重新办理。',
    en: 'The record was changed meanwhile; reload and try again.',
  },
  NOTHING_CHANGED: { status: 400, zh: '没有需要保存的修改。', en: 'There is nothing to save.' },
  CUSTOMER_NOT_ACTIVE: {
    status: 409,
    zh: '该用户已停用或销户，不能办理购气或收费。',
    en: 'The account is suspended or closed.',
  },
  NO_PRICE: {
    status: 409,
    zh: '没有找到该用气性质当日有效的气价，请联系管理员设置气价。',
    en: 'No price is in effect for this class today.',
  },
  PRICE_VERSION_OVERLAP: {
    status: 409,
    zh: '该用气性质在同一生效日期已有气价版本，请换一个生效日期。',
    en: 'A price version for this class already starts on that date.',
  },
  PRICE_RETROACTIVE: {
    status: 409,
    zh: '新气价的生效日期不能早于当前营业日。',
    en: 'A new price cannot take effect before the current business day.',
  },
  LIMIT_EXCEEDED: {
    status: 403,
    zh: '购气量超过限购规定，需班长审批。',
    en: 'The purchase exceeds a limit; a supervisor must approve.',
  },
  HAZARD_APPROVAL_REQUIRED: {
    status: 403,
    zh: '该用户有未整改的安全隐患（或未安检），购气需班长审批。',
    en: 'The customer has an open safety issue; a supervisor must approve.',
  },
  CARRY_NOT_OWED: {
    status: 409,
    zh: '该户没有未写上卡的换表结转气量。',
    en: 'No meter-change carry is owed to this account.',
  },
  NOTHING_TO_BUY: {
    status: 400,
    zh: '购气量或金额必须大于零。',
    en: 'The volume or amount must be greater than zero.',
  },
  QUOTE_CHANGED: {
    status: 409,
    zh: '应收金额与您看到的报价不一致（可能刚有其他业务），请重新报价。',
    en: 'The amount due changed since the quote; please quote again.',
  },
  TENDER_SHORT: {
    status: 400,
    zh: '收款合计不足应收金额，请核对。',
    en: 'The tenders do not cover the amount due.',
  },
  TENDER_MISMATCH: {
    status: 400,
    zh: '收款合计与应收金额不符（只有现金可以找零），请核对。',
    en: 'The tenders do not match the amount due (only cash gives change).',
  },
  NO_OPEN_SHIFT: {
    status: 409,
    zh: '您还没有开班，请先开班（输入备用金）。',
    en: 'You have no open shift; please open one first.',
  },
  SHIFT_ALREADY_OPEN: {
    status: 409,
    zh: '您已有未交班的班次，请先交班。',
    en: 'You already have an open shift.',
  },
  SHIFT_ALREADY_CLOSED: { status: 409, zh: '该班次已经交班。', en: 'This shift is already closed.' },
  SHIFT_DIFFERENCE_APPROVAL: {
    status: 403,
    zh: '交班差额超过允许范围，须班长审批：请班长输入账号和密码。',
    en: 'The shift difference is above the tolerance; a supervisor must approve the close.',
  },
  CASH_OUT_EXCEEDS_DRAWER: {
    status: 409,
    zh: '取出金额超过钱箱应有现金，请核对金额。',
    en: 'The cash out exceeds the cash the drawer should hold.',
  },
  NOTE_REQUIRED: {
    status: 400,
    zh: '实点金额与应有金额不符，请填写差异说明。',
    en: 'Counted and expected differ; please write a note.',
  },
  ALREADY_REVERSED: {
    status: 409,
    zh: '该笔业务已冲正或已全额退款。',
    en: 'This sale is already reversed or fully refunded.',
  },
  NOT_REVERSIBLE: {
    status: 409,
    zh: '这笔记录不能冲正（只能冲正购气业务，冲正记录本身不能再冲正）。',
    en: 'This entry cannot be reversed.',
  },
  REFUND_TOO_LARGE: {
    status: 400,
    zh: '退款金额超过可退金额。',
    en: 'The refund exceeds what can be refunded.',
  },
  BALANCE_ALREADY_USED: {
    status: 409,
    zh: '这笔业务存入的结余已被后续购气使用，不能冲正或退款；请先冲正后续的购气。',
    en: 'The balance this sale added was already spent by a later purchase; correct that one first.',
  },
  NOT_REFUNDABLE: {
    status: 409,
    zh: '这笔记录不能退款（已完成的购气请办理冲正）。',
    en: 'This entry cannot be refunded.',
  },
  INVOICE_NUMBERS_EXHAUSTED: {
    status: 409,
    zh: '没有可用的发票号段，请管理员登记新的发票号段。',
    en: 'No invoice numbers left; an administrator must register a new range.',
  },
  INVOICE_RANGE_OVERLAP: {
    status: 409,
    zh: '该发票号段与已登记的号段重叠，请核对。',
    en: 'The invoice range overlaps a registered one.',
  },
  DAY_ALREADY_CLOSED: { status: 409, zh: '该营业日已经扎帐。', en: 'That business day is already closed.' },
  OPEN_SHIFTS: {
    status: 409,
    zh: '还有未交班的班次，请全部交班后再扎帐。',
    en: 'Some shifts are still open; close them before the day close.',
  },
  READER_NOT_CONFIGURED: {
    status: 409,
    zh: '本柜台还没有设置读卡器，请在系统设置中选择读卡器。',
    en: 'No card reader is configured for this counter.',
  },
  READER_UNAVAILABLE: {
    status: 503,
    zh: '读卡器没有响应，请检查读卡器连接后重试。',
    en: 'The card reader does not answer; check its cable and try again.',
  },
  READER_LIBRARY: {
    status: 503,
    zh: '读卡器厂家动态库无法使用（详情里写明原因：找不到、不是动态库或架构不符、缺少函数），请按安装说明放置正确的库。',
    en: "The reader maker's library cannot be used (the detail says why); install the right one.",
  },
  READER_STUCK: {
    status: 503,
    zh: '读卡器卡住了（一次调用没有返回），请拔下读卡器再插上；仍不行请重启本程序。',
    en: 'The card reader is stuck (a call did not return); unplug and replug it, or restart the program.',
  },
  READER_PORT_BUSY: {
    status: 503,
    zh: '读卡器串口正被另一个程序占用（详情里写明是哪个程序），请先关闭该程序再重试。',
    en: 'The card reader port is held by another program (named in the detail); close it and try again.',
  },
  READER_PORT_NOT_FOUND: {
    status: 503,
    zh: '找不到读卡器串口，请检查读卡器是否插好、串口名是否正确。',
    en: 'The card reader port does not exist; check the cable and the port name.',
  },
  READER_PORT_DENIED: {
    status: 503,
    zh: '没有权限打开读卡器串口，请联系技术人员设置权限。',
    en: 'No permission to open the card reader port.',
  },
  NO_CARD: { status: 409, zh: '读卡器里没有卡，请插入燃气卡。', en: 'There is no card in the reader.' },
  CARD_BLANK: {
    status: 409,
    zh: '这是一张空白卡，请用于开户发卡或补卡。',
    en: 'This is a blank card; use it to issue or replace a card.',
  },
  CARD_FOREIGN: {
    status: 409,
    zh: '这不是本公司的燃气卡（或不是本系统的卡格式），请核对。',
    en: 'This is not one of our gas cards.',
  },
  CARD_DAMAGED: {
    status: 409,
    zh: '卡内数据损坏（主备区不一致或校验错误），请为用户办理补卡。',
    en: 'The card data is damaged; issue a replacement card.',
  },
  CARD_LOCKED: {
    status: 409,
    zh: '这张卡的密码已锁死，无法再写入，请为用户办理补卡。',
    en: 'The card is locked; issue a replacement card.',
  },
  CARD_LAST_TRY: {
    status: 409,
    zh: '这张卡的密码只剩最后一次校验机会，继续操作需您确认；若校验失败卡将锁死。',
    en: 'The card has one PSC try left; confirm to go on.',
  },
  CARD_PSC_WRONG: {
    status: 409,
    zh: '卡密码校验未通过（这张卡可能不是本系统发出的，或已被改动），没有收款，卡内也没有写入任何内容。请班长核实这张卡：程序不会再自动用它尝试密码，班长审批后才能再试；否则为用户办理补卡。',
    en: 'The card refused its PSC; nothing was charged or written. The card is flagged: a supervisor must approve another attempt.',
  },
  CARD_PSC_FLAGGED: {
    status: 409,
    zh: '这张卡上次密码校验未通过，已停止对它写卡：请班长核实这张卡，并在下方由班长审批后再试（会用掉一次校验机会）；否则为用户办理补卡。',
    en: 'This card refused its PSC before; a supervisor must approve another attempt.',
  },
  CARD_BLOCKED: {
    status: 409,
    zh: '这张卡已挂失或已被新卡取代，不能再使用，请收回。',
    en: 'This card is blocked (lost or replaced).',
  },
  CARD_UNKNOWN: {
    status: 409,
    zh: '本营业厅没有这张卡的发卡记录，请核对或联系总部。',
    en: 'This card was not issued here.',
  },
  CARD_WRONG_CUSTOMER: {
    status: 409,
    zh: '读卡器里的卡不是该用户的卡，请核对。',
    en: 'The card in the reader belongs to another customer.',
  },
  CARD_AHEAD: {
    status: 409,
    zh: '卡内购气次数比本柜台记录的多，可能在其他柜台购过气且尚未同步，已记录冲突，请联系班长。',
    en: 'The card holds a later purchase than this counter knows; the conflict is recorded.',
  },
  CARD_GAS_PENDING: {
    status: 409,
    zh: '卡内上次购买的气还没有插表，请用户先插表后再购气。',
    en: 'The last purchase is still on the card; the customer must load it into the meter first.',
  },
  GAS_ALREADY_LOADED: {
    status: 409,
    zh: '这笔气已经插表入表，不能冲正。',
    en: 'The gas is already in the meter; it cannot be reversed.',
  },
  SALE_NOT_ON_CARD: {
    status: 409,
    zh: '这笔购气没有写入燃气卡，请直接冲正。',
    en: 'This purchase was never written to a card; reverse it directly.',
  },
  CARD_REQUIRED: {
    status: 409,
    zh: '这笔购气已写入燃气卡，冲正前必须先读卡并清除卡内气量，请插入用户的卡。',
    en: 'This purchase is on a card: reverse it with the card in the reader.',
  },
  CARD_NOT_BLANK: {
    status: 409,
    zh: '读卡器里不是空白卡：工具卡只能用空白卡制作，请换一张空白卡。',
    en: 'The card in the reader is not blank; tool cards are made on blank cards.',
  },
  CUSTOMER_HAS_CARD: {
    status: 409,
    zh: '该用户已有在用的燃气卡；遗失或损坏请办理补卡。',
    en: 'The customer already has an active card.',
  },
  NO_ACTIVE_CARD: {
    status: 409,
    zh: '该用户还没有在用的燃气卡，请先办理开户发卡或补卡。',
    en: 'The customer has no active card.',
  },
  TOPUP_NOT_ALLOWED: {
    status: 409,
    zh: '只能为用户最近一次购气补气一次，且不能是已经入表的气。',
    en: 'Only the last purchase may be topped up, once, and only if it never reached the meter.',
  },
  CARD_TRANSPORT_PSC_WRONG: {
    status: 409,
    zh: '空白卡不接受这批卡登记的出厂密码，未发卡（没有占用卡号）；请核对卡批次的出厂密码后重新登记。',
    en: 'The blank card refused its batch’s transport PSC; no card was issued. Check and register the batch’s PSC.',
  },
  CARD_WRITE_FAILED: {
    status: 409,
    zh: '写卡没有成功，卡内数据未改变，请重新插卡后再试。',
    en: 'Writing the card failed; the card is unchanged.',
  },
  CARD_WRITE_UNCERTAIN: {
    status: 409,
    zh: '写卡过程中卡被拔出，结果待确认：请重新插入这张卡并读卡，系统会按卡内实际内容处理。',
    en: 'The card left the reader mid-write; read it again to settle what it holds.',
  },
  DEMO_ONLY: {
    status: 409,
    zh: '培训面板只在演示模式下可用。',
    en: 'The training panel exists only in demo mode.',
  },
  PRINTER_NOT_CONFIGURED: {
    status: 409,
    zh: '本柜台还没有设置小票打印机，请在系统设置中选择打印机。业务已办理成功，可稍后补打。',
    en: 'No receipt printer is configured; the business is done and can be reprinted later.',
  },
  PRINTER_PAPER_OUT: {
    status: 409,
    zh: '打印机缺纸，请装纸后点“补打”。业务已办理成功。',
    en: 'The printer is out of paper; load paper and reprint. The business is done.',
  },
  PRINTER_COVER_OPEN: {
    status: 409,
    zh: '打印机盖未关，请关好后点“补打”。业务已办理成功。',
    en: 'The printer cover is open; close it and reprint. The business is done.',
  },
  PRINTER_OFFLINE: {
    status: 409,
    zh: '打印机离线，请检查电源和连接后点“补打”。业务已办理成功。',
    en: 'The printer is offline; check it and reprint. The business is done.',
  },
  PRINTER_CUTTER_ERROR: {
    status: 409,
    zh: '打印机切刀错误，请检查打印机后点“补打”。业务已办理成功。',
    en: 'The printer cutter failed; check it and reprint. The business is done.',
  },
  PRINTER_UNREACHABLE: {
    status: 503,
    zh: '连接不上打印机（未开机或网线、数据线未接好），请检查后点“补打”。业务已办理成功。',
    en: 'The printer cannot be reached; check it and reprint. The business is done.',
  },
  PRINT_FILE_OUTSIDE_FOLDER: {
    status: 400,
    zh: '打印文件只能写在柜台指定的打印文件夹里（默认是数据目录下的 prints 文件夹），请改用该文件夹内的文件名。',
    en: "A file printer may write only inside the counter's print folder (default: prints beside the database).",
  },
  OFFICE_PRINT_FAILED: {
    status: 502,
    zh: '办公打印机没有打出来，请检查打印机后重试，或改为存为 PDF。',
    en: 'The office printer did not print; check it and retry, or save as PDF.',
  },
  DATA_IN_USE: {
    status: 409,
    zh: '这个数据目录已被另一个柜台程序打开，请先关闭它。',
    en: 'Another counter process has this data folder open; close it first.',
  },
  DATABASE_INCOMPATIBLE: {
    status: 500,
    zh: '数据库版本与本程序不匹配，请联系技术人员。',
    en: 'The database does not match this application version.',
  },
  SYNC_UNSIGNED: {
    status: 401,
    zh: '请求没有柜台签名，总部拒绝受理。',
    en: 'The request is not signed by an enrolled counter.',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 422,
    zh: '附件超过 2 MB，总部拒收；请压缩照片或降低扫描分辨率。',
    en: 'The attachment is over the size limit.',
  },
  ATTACHMENT_TYPE: {
    status: 422,
    zh: '附件不是照片或 PDF 扫描件，总部拒收。',
    en: 'The attachment is not a JPEG, PNG or PDF file.',
  },
  ATTACHMENT_HASH_MISMATCH: {
    status: 422,
    zh: '附件内容与其校验值不符（传输中损坏或文件被改动），总部拒收。',
    en: 'The attachment does not match its SHA-256.',
  },
  ATTACHMENT_NOT_NAMED: {
    status: 422,
    zh: '总部没有本网点哪件记录用到这个附件（记录尚未同步上来，或附件不属于本网点），暂不接收；下次同步再传。',
    en: "No record of the counter's hall names this attachment (yet).",
  },
  SYNC_BAD_SIGNATURE: {
    status: 401,
    zh: '柜台签名校验失败，总部拒绝受理；请确认本柜台已在总部登记。',
    en: 'The counter signature does not verify.',
  },
  SYNC_STALE_REQUEST: {
    status: 401,
    zh: '请求时间与总部时间相差过大（或请求已过期），请检查本机时钟；系统会自动校准后重试。',
    en: 'The request timestamp is outside the accepted window.',
  },
  SYNC_REPLAYED: {
    status: 401,
    zh: '重复的请求（可能被截获后重放），总部已拒绝。',
    en: 'This request was already received (replay refused).',
  },
  SYNC_UNKNOWN_COUNTER: {
    status: 401,
    zh: '总部没有这个柜台的登记，请先用登记码登记本柜台。',
    en: 'Head office does not know this counter; enroll it first.',
  },
  COUNTER_REVOKED: {
    status: 403,
    zh: '本柜台已被总部停用，不能再同步，请联系总部。',
    en: 'This counter was revoked by head office.',
  },
  ENROLLMENT_CODE_INVALID: {
    status: 403,
    zh: '登记码不正确、已使用或已过期，请向总部重新申请。',
    en: 'The enrollment code is wrong, used or expired.',
  },
  ENROLLMENT_MISMATCH: {
    status: 409,
    zh: '本柜台的网点编号或柜台编号与总部登记的不一致，请核对后再登记。',
    en: 'The hall or counter code differs from what head office registered.',
  },
  COUNTER_ALREADY_ENROLLED: {
    status: 409,
    zh: '这个柜台身份已经登记过，不能重复登记；如需重装请总部停用旧柜台后新登记一个。',
    en: 'This counter identity is already enrolled.',
  },
  SYNC_NOT_ENROLLED: {
    status: 409,
    zh: '本柜台还没有登记到总部，请管理员先用登记码登记。',
    en: 'This counter is not enrolled with head office yet.',
  },
  SYNC_FOREIGN_OPS: {
    status: 403,
    zh: '这批数据包含其他柜台的业务流水，总部拒绝受理，未写入任何数据。',
    en: 'The batch contains operations of another counter; nothing was written.',
  },
  SYNC_CLONED_COUNTER: {
    status: 409,
    zh: '同一柜台出现了两份不同的业务流水（数据库可能被复制），总部已拒绝并告警，请联系总部。',
    en: 'Two diverging histories for one counter (a cloned database); refused and flagged.',
  },
  SYNC_CHAIN_BROKEN: {
    status: 422,
    zh: '业务流水哈希链校验失败（有记录被改动或缺失），总部拒绝受理，请联系技术人员。',
    en: 'The hash chain does not verify; nothing was written.',
  },
  SYNC_SEQUENCE_GAP: {
    status: 409,
    zh: '业务流水序号与总部记录不连续，将从总部记录的位置重新上传。',
    en: 'The sequence does not continue head office’s; resend from the expected number.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    zh: '请求数据过大，总部拒绝受理。',
    en: 'The request body is too large.',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试。', en: 'Too many requests; try again later.' },
  ADMIN_UNAUTHORIZED: {
    status: 401,
    zh: '总部管理令牌缺失或不正确。',
    en: 'The head-office admin token is missing or wrong.',
  },
  CONSOLE_LOGIN_FAILED: {
    status: 401,
    zh: '登录名或密码不正确。',
    en: 'Wrong user name or password.',
  },
  CONSOLE_LOCKED: {
    status: 423,
    zh: '密码连续输错次数过多，账号已锁定 15 分钟；请稍后再试或请管理员重设密码。',
    en: 'Too many wrong passwords: the account is locked for 15 minutes.',
  },
  CONSOLE_SESSION_REQUIRED: {
    status: 401,
    zh: '请先登录总部管理台（或登录已超时）。',
    en: 'Sign in to the console first (or the session timed out).',
  },
  CONSOLE_FORBIDDEN: {
    status: 403,
    zh: '您的角色无权进行此项操作或查看此网点。',
    en: 'Your role may not do this or see this hall.',
  },
  CONSOLE_ORIGIN: {
    status: 403,
    zh: '请求不是从总部管理台页面发出的，已拒绝。',
    en: 'The request did not come from the console page.',
  },
  CONSOLE_USER_EXISTS: {
    status: 409,
    zh: '该登录名已被使用。',
    en: 'That user name is taken.',
  },
  CONSOLE_USER_NOT_FOUND: {
    status: 404,
    zh: '没有这个总部账号。',
    en: 'No such console account.',
  },
  CONSOLE_LAST_ADMIN: {
    status: 409,
    zh: '不能停用最后一个在用的管理员账号。',
    en: 'The last active administrator cannot be disabled.',
  },
  ENROLL_UNREACHABLE: {
    status: 503,
    zh: '连接不上总部，本柜台还没有登记：请核对总部地址、检查网络后再试。业务照常办理，数据保存在本机。',
    en: 'Head office cannot be reached and this counter is not enrolled yet; check the address and the network.',
  },
  SYNC_UNREACHABLE: {
    status: 503,
    zh: '连接不上总部；业务照常办理，数据会在网络恢复后自动上传。',
    en: 'Head office cannot be reached; work goes on and syncs when the network returns.',
  },
  OTHER_HALL_OFFLINE: {
    status: 503,
    zh: '本营业厅没有这位用户。他可能是其他营业厅的用户，但现在连接不上总部，不能查询，也不能办理：请联网后再查，或请用户到所属营业厅办理。',
    en: 'No such customer here; they may belong to another hall, but head office cannot be reached to look them up or serve them now.',
  },
  CUSTOMER_OF_OTHER_HALL: {
    status: 409,
    zh: '这位用户属于其他营业厅：本柜台只能为其收费、购气写卡；改档、过户、停用或销户、发卡、补卡、挂失请到所属营业厅办理。',
    en: "This customer belongs to another hall: only sales and card purchases can be done here; edits, transfers, status and cards belong to the customer's hall.",
  },
  SYNC_BUSY: { status: 409, zh: '正在同步，请稍候。', en: 'A sync is already running.' },
  HEAD_OFFICE_UNAVAILABLE: {
    status: 503,
    zh: '总部服务暂不可用（正在启动或数据库不可用），请稍后再试。',
    en: 'Head office is not ready; try again later.',
  },
  ALREADY_EXISTS: { status: 409, zh: '该编号已经登记过了，请核对。', en: 'That code is already registered.' },
  PRICES_FROM_HEAD_OFFICE: {
    status: 409,
    zh: '本柜台已登记到总部，气价由总部发布并自动下发，柜台不能自行调价；请联系总部。',
    en: 'This counter is enrolled: prices come from head office and cannot be set here.',
  },
  COUNTER_NOT_REVOKED: {
    status: 409,
    zh: '该柜台仍在使用中：请先停用该柜台，再撤销它的业务。',
    en: 'Revoke the counter before reverting its operations.',
  },
  CONFLICT_ALREADY_RESOLVED: {
    status: 409,
    zh: '该冲突已经处理过了。',
    en: 'The conflict is already resolved.',
  },
  SERVICE_RECORD_NOT_FOUND: {
    status: 404,
    zh: '总部没有这件服务台记录（编号不对，或柜台尚未同步上来）。',
    en: 'Head office holds no such service-desk record.',
  },
  SERVICE_RECORD_NOT_STEERABLE: {
    status: 422,
    zh: '总部只能改派或结案投诉和工单；受理单、预约、安检和报装由柜台办理。',
    en: 'Head office reassigns or closes complaints and work orders only.',
  },
  SERVICE_RECORD_CLOSED: {
    status: 409,
    zh: '这件记录已经结案（或已完成、已撤销），不能再改派或结案。',
    en: 'The record is already closed (or completed, or cancelled).',
  },
  SERVICE_REASSIGN_NOT_ALLOWED: {
    status: 409,
    zh: '这件记录当前的状态不能改派：投诉须已判定成立或正在处理，工单须待派或已派。',
    en: 'The record cannot be reassigned in its current state.',
  },
  SERVICE_TEAM_INVALID: {
    status: 422,
    zh: '这个班组不办理这类记录：投诉交收费班、巡线班或通气维修班，工单交巡线班、通气维修班或安装队。',
    en: 'That team does not take records of this kind.',
  },
  COMPLAINT_CLOSED: {
    status: 409,
    zh: '该投诉已结案，不能再修改；如客户仍不满意，请登记一件新的投诉。',
    en: 'The complaint is closed and cannot be changed; record a new one if the customer is still unhappy.',
  },
  COMPLAINT_STEP_NOT_ALLOWED: {
    status: 409,
    zh: '投诉当前的状态不能办理这一步：请按 判定 → 转办 → 登记处理结果 → 告知结果并结案 的顺序办理。',
    en: 'This step is not allowed in the complaint’s current state.',
  },
  APPOINTMENT_CANCELLED: {
    status: 409,
    zh: '该预约已取消，不能再改约或取消；如客户仍需上门，请重新预约。',
    en: 'The appointment is cancelled; book a new one if the customer still needs a visit.',
  },
  WORK_ORDER_CLOSED: {
    status: 409,
    zh: '该工单已完成或已撤销，不能再修改；如还需上门，请另开一张工单。',
    en: 'The work order is completed or cancelled and cannot be changed; open a new one.',
  },
  WORK_ORDER_STEP_NOT_ALLOWED: {
    status: 409,
    zh: '工单当前的状态不能办理这一步：请按 派单 → 登记完成结果 的顺序办理（未完成前可撤销）。',
    en: 'This step is not allowed in the work order’s current state.',
  },
  INSTALLATION_CLOSED: {
    status: 409,
    zh: '该报装已开户或已撤销，不能再办理；如客户仍需报装，请重新受理。',
    en: 'The installation application is opened or cancelled and cannot be changed.',
  },
  INSTALLATION_STEP_NOT_ALLOWED: {
    status: 409,
    zh: '报装须按 受理 → 查勘 → 方案与收费 → 施工 → 置换通气 → 开户 的顺序办理，这一步现在不能办理。',
    en: 'Installation steps must be done in order; this one is not next.',
  },
  METER_NOT_CUSTOMERS: {
    status: 409,
    zh: '这块表不是该用户的表（或已拆除），不能为它开工单或登记故障；请核对表号。',
    en: 'The meter is not one of this customer’s meters.',
  },
  INSPECTION_NO_HAZARD: {
    status: 409,
    zh: '这次安检没有发现隐患，无需整改。',
    en: 'This inspection found no hazard to rectify.',
  },
  INSPECTION_RECTIFIED: {
    status: 409,
    zh: '这次安检的隐患已登记整改完毕，不能再修改；如又发现隐患，请登记一次新的安检。',
    en: 'The hazards of this inspection are already rectified; record a new inspection.',
  },
  COMPLAINT_NOT_CLOSED: {
    status: 409,
    zh: '投诉还没有结案，结案（把结果告知客户）之后才能回访。',
    en: 'Only a closed complaint is followed up.',
  },
  FOLLOWUP_ALREADY_DONE: {
    status: 409,
    zh: '这件投诉已经回访过了（已联系上客户并记录满意度），不能重复回访。',
    en: 'This complaint was already followed up.',
  },
  REPORT_PERIOD_REVERSED: {
    status: 400,
    zh: '报表期间的开始日期晚于结束日期，请把开始日期改为不晚于结束日期。',
    en: 'The report period starts after it ends.',
  },
  REPORT_PERIOD_TOO_EARLY: {
    status: 400,
    zh: '报表期间早于 2000 年 1 月 1 日，系统没有这么早的数据，请重新选择日期。',
    en: 'The report period starts before 2000-01-01.',
  },
  USAGE_ALREADY_REFERRED: {
    status: 409,
    zh: '该户本月已发出核表工单请求，不再重复发出。',
    en: 'This household was already sent for a meter check this month.',
  },
  USAGE_REFERRAL_TAKEN: {
    status: 409,
    zh: '这条核表请求已开出工单，不再重复开单。',
    en: 'A work order was already opened from this meter-check request.',
  },
  USAGE_ZONES_DIFFER: {
    status: 400,
    zh: '各营业厅的营业日时区不同，全公司的用量分析无法按同一个月份统计，请按营业厅分别分析。',
    en: 'The halls keep their business days in different time zones: analyse usage one hall at a time.',
  },
  REPORT_PERIOD_IN_FUTURE: {
    status: 400,
    zh: '报表期间超过了明天，还没有这些日子的数据，请重新选择日期。',
    en: 'The report period reaches beyond tomorrow.',
  },
  REPORT_PERIOD_TOO_LONG: {
    status: 400,
    zh: '明细报表的期间过长（最长 366 天），请缩短期间或分段导出。',
    en: 'The period is too long for a detailed report (366 days at most).',
  },
  IMPORT_KIND_UNKNOWN: {
    status: 400,
    zh: '导入类别不正确：请选客户、表具、燃气卡、本期阶梯用量、结余与欠费、安检或员工（《总部操作手册》迁移一章列出各类模板）。',
    en: 'Unknown import kind.',
  },
  IMPORT_FILE_TYPE: {
    status: 400,
    zh: '文件类型不支持：请上传 .xlsx 或 .csv 文件（旧版 .xls 请先用 Excel 另存为 .xlsx）。',
    en: 'Only .xlsx and .csv files can be imported.',
  },
  IMPORT_FILE_NOT_FOUND: {
    status: 404,
    zh: '找不到要导入的文件，请核对路径。',
    en: 'The file to import was not found.',
  },
  IMPORT_NOT_XLSX: {
    status: 400,
    zh: '文件名是 .xlsx，但内容是文本（CSV）：请把文件改名为 .csv 后再导入，或用 Excel 另存为 .xlsx。',
    en: 'The file is named .xlsx but is text (CSV).',
  },
  IMPORT_FILE_ENCRYPTED: {
    status: 400,
    zh: '文件设置了打开密码（已加密）：请在 Excel 中取消密码后另存，再导入。',
    en: 'The workbook is password-protected.',
  },
  IMPORT_FILE_DAMAGED: {
    status: 400,
    zh: '文件已损坏或不完整（可能没有复制完）：请重新导出或复制后再导入。',
    en: 'The file is damaged or truncated.',
  },
  IMPORT_FILE_EMPTY: {
    status: 400,
    zh: '文件中没有数据：第一行应为表头，从第二行起每行一条记录。',
    en: 'The file has no header or no rows.',
  },
  IMPORT_ENCODING: {
    status: 400,
    zh: '文件的文字编码无法识别：请另存为 UTF-8 或 GBK（GB18030）编码的 CSV，或在导入时指定编码。',
    en: 'The text encoding of the file could not be read.',
  },
  IMPORT_COLUMNS: {
    status: 400,
    zh: '表头与模板不符：缺少必需的列（见明细）。请按模板填写表头，或调整列对应关系后再导入。',
    en: 'Required columns are missing from the header.',
  },
  IMPORT_HAS_ERRORS: {
    status: 409,
    zh: '试导入发现有错误的行，未写入任何数据：请按错误报告改正后再导入，或确认跳过错误行。',
    en: 'The dry run found bad rows; nothing was written.',
  },
  IMPORT_BATCH_NOT_FOUND: { status: 404, zh: '没有这个导入批次。', en: 'No such import batch.' },
  IMPORT_BATCH_RUNNING: {
    status: 409,
    zh: '该导入批次还没有完成：请先用同一文件重新导入把它做完，再撤销。',
    en: 'The batch is not finished; resume it before reverting.',
  },
  IMPORT_ALREADY_REVERTED: {
    status: 409,
    zh: '该导入批次已经撤销过了。',
    en: 'The batch is already reverted.',
  },
  IMPORT_SUPERSEDED: {
    status: 409,
    zh: '该批次导入的数据已被之后的导入批次改动：请先撤销之后的批次。',
    en: 'A later batch changed what this batch imported; revert that one first.',
  },
  ...MAKER_CARD_ERRORS,
  ...ID_CARD_ERRORS,
  INTERNAL: {
    status: 500,
    zh: '系统出了点问题，业务未办理成功，请稍后重试；如仍不行请联系技术人员。',
    en: 'Something went wrong and nothing was saved; please retry or call support.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** A field-level problem, e.g. { path: ['idNumber'], code: 'RESIDENT_ID_INVALID', message: '…' }. */
export interface FieldIssue {
  readonly path: (string | number)[];
  readonly code: string;
  readonly message: string;
}

/**
 * Facts a program on the other side acts on (e.g. `expectedSeq` of SYNC_SEQUENCE_GAP), as typed values: it
 * never has to parse them out of `detail`, which is for people.
 */
export type ErrorFields = Readonly<Record<string, string | number>>;

/** What crosses the boundary: never a stack trace. */
export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly messageEn: string;
  readonly issues?: FieldIssue[];
  readonly detail?: string;
  readonly fields?: ErrorFields;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: FieldIssue[];
  readonly detail?: string;
  readonly fields?: ErrorFields;

  constructor(code: ErrorCode, opts: { issues?: FieldIssue[]; detail?: string; fields?: ErrorFields } = {}) {
    super(`${code}: ${ERRORS[code].en}${opts.detail ? ` (${opts.detail})` : ''}`);
    this.name = 'AppError';
    this.code = code;
    this.issues = opts.issues;
    this.detail = opts.detail;
    this.fields = opts.fields;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  toBody(): ErrorBody {
    const spec = ERRORS[this.code];
    return {
      code: this.code,
      message: spec.zh,
      messageEn: spec.en,
      issues: this.issues,
      detail: this.detail,
      fields: this.fields,
    };
  }
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERRORS, code);
}
