import { identityRule } from './identityFindings';

export const table4Total = identityRule({
  code: 'table4-total', severity: 'error',
  title: { zh: '表四：每类总计 = 维持 + 纠正 + 其他 + 尚未审结', en: 'Table 4: each total = upheld + corrected + other + pending' },
  description: {
    zh: '行政复议、未经复议直接起诉、复议后起诉三类各自的总计，等于结果维持、结果纠正、其他结果、尚未审结之和。表四无法判断哪一格出错：快速修复按惯例把总计改为各项之和，但“修正全部”和保存时自动修正不会采用它。',
    en: 'Each block of table 4 (review, direct suit, suit after review) has total = upheld + corrected + other + pending. Table 4 cannot tell which cell is wrong: by convention the quick fix sets the total to the sum of its parts, but fix-all and fix-on-save never apply it.',
  },
});
