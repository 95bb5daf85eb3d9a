// Names of the laws and regulations annual reports cite, and the ways drafts get them wrong. Only
// names listed here are checked: a name that is merely unknown is never reported, because many
// local regulations and rules are cited too.

export interface Misspelling {
  /** The name as drafts mistype it; it must not occur inside any correct name. */
  wrong: string;
  right: string;
  /** The full name, for the message. */
  law: string;
}

const SECRETS = '中华人民共和国保守国家秘密法';
const DISCLOSURE = '中华人民共和国政府信息公开条例';
const FEES = '政府信息公开信息处理费管理办法';

export const MISSPELLINGS: Misspelling[] = [
  { wrong: '保守价格秘密法', right: '保守国家秘密法', law: SECRETS },
  { wrong: '保守国家机密法', right: '保守国家秘密法', law: SECRETS },
  { wrong: '保守国家保密法', right: '保守国家秘密法', law: SECRETS },
  { wrong: '国家保守秘密法', right: '保守国家秘密法', law: SECRETS },
  { wrong: '政府信息公开条列', right: '政府信息公开条例', law: DISCLOSURE },
  { wrong: '政府信息公开条理', right: '政府信息公开条例', law: DISCLOSURE },
  { wrong: '政府公开信息条例', right: '政府信息公开条例', law: DISCLOSURE },
  { wrong: '政府信息公布条例', right: '政府信息公开条例', law: DISCLOSURE },
  { wrong: '政府信息公开处理费管理办法', right: FEES, law: FEES },
  { wrong: '政府信息公开信息处理费用管理办法', right: FEES, law: FEES },
  { wrong: '中华人名共和国', right: '中华人民共和国', law: '中华人民共和国' },
  { wrong: '中华人民共合国', right: '中华人民共和国', law: '中华人民共和国' },
  { wrong: '中化人民共和国', right: '中华人民共和国', law: '中华人民共和国' },
  { wrong: '行政复意法', right: '行政复议法', law: '中华人民共和国行政复议法' },
  { wrong: '行政复仪法', right: '行政复议法', law: '中华人民共和国行政复议法' },
  { wrong: '行政诉颂法', right: '行政诉讼法', law: '中华人民共和国行政诉讼法' },
  { wrong: '个人信息保户法', right: '个人信息保护法', law: '中华人民共和国个人信息保护法' },
];
