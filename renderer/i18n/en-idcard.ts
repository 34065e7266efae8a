/** English: reading a resident-ID card and the ID reader's settings (part of en.ts). */
import type { idCardZh } from './zh-cn-idcard';

export const idCardEn: typeof idCardZh = {
  idCard: {
    read: 'Read ID card',
    readKey: 'Read ID card (F10)',
    reading: 'Reading the ID card…',
    filled: 'Name, ID number and address filled from the ID card; check the gas address.',
    filledTransfer: 'The new owner’s name and ID number filled from the ID card.',
    panelTitle: 'ID card',
    photoAlt: 'ID card photo',
    name: 'Name',
    sex: 'Sex',
    ethnicity: 'Ethnicity',
    birthDate: 'Date of birth',
    address: 'Address',
    idNumber: 'ID number',
    issuer: 'Issued by',
    validity: 'Valid',
    longTerm: 'long-term',
    expiredTitle: 'The ID card has expired',
    expired:
      'This ID card expired on {date}. Verify the customer’s identity by other papers as the rules say.',
    photoNotStored: 'The photo is for checking only and is not kept.',
    photoStored: 'The photo is kept with the file when the account is opened (enabled by the company).',
  },
  idCardSettings: {
    title: 'ID card reader',
    use: 'Use an ID card reader',
    spec: 'Reader address',
    specHint:
      'idcard:LIBRARY_PATH[:PORT]. The library is the reader maker’s SDK (Termb.dll on Windows, libtermb.so on UOS/Kylin); port 1001–1016 for USB (1001 by default), 1–16 for serial.',
    storePhoto: 'Keep the card photo in the customer file (off by default)',
    save: 'Save ID reader settings',
    saved: 'ID reader settings saved, thank you.',
    savedNone: 'No ID reader will be used.',
    test: 'Test',
    testOk: 'The reader works: {description}',
    testOkNoPhoto: 'The reader works: {description} (its SDK gives no photo)',
    status: 'State: ',
    states: { none: 'not set', closed: 'not open', open: 'open', stuck: 'not answering' },
  },
};
