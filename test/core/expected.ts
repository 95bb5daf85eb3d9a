// What each seed prints, read off the seed text by hand (not produced by the parser).
// Table 3: only the rows with a number other than 0; every other row is seven zeros.

type T3 = Record<string, number[]>;
export interface Expected { year: number; t2: Record<string, number[]>; t3: T3; t4: number[] }

const z = (n: number) => Array(n).fill(0);
const t2 = (penalty: number, coercion = 0, licensing = 0, fees = 0, normative = z(3)) =>
  ({ regulations: z(3), normative, licensing: [licensing], penalty: [penalty], coercion: [coercion], fees: [fees] });

export const EXPECTED: Record<string, Expected> = {
  '000': {
    year: 2023,
    t2: t2(457, 0, 1, 30.62),
    t3: { '1': [23, 0, 0, 0, 0, 0, 23], '3.1': [5, 0, 0, 0, 0, 0, 5], '3.3.7': [18, 0, 0, 0, 0, 0, 18], '3.7': [23, 0, 0, 0, 0, 0, 23] },
    t4: [2, 0, 0, 0, 2, ...z(10)],
  },
  '001': { year: 2023, t2: t2(0), t3: {}, t4: z(15) },
  '002': {
    year: 2024,
    t2: t2(1092, 0, 0, 0, [0, 0, 3]),
    t3: {
      '1': [55, 8, 0, 0, 0, 0, 63], '2': [1, 0, 0, 0, 0, 0, 1], '3.1': [17, 3, 0, 0, 0, 0, 20], '3.2': [5, 0, 0, 0, 0, 0, 5],
      '3.3.7': [1, 0, 0, 0, 0, 0, 1], '3.4.1': [25, 3, 0, 0, 0, 0, 28], '3.4.2': [2, 0, 0, 0, 0, 0, 2], '3.5.2': [1, 1, 0, 0, 0, 0, 2],
      '3.7': [51, 7, 0, 0, 0, 0, 58], '4': [5, 1, 0, 0, 0, 0, 6],
    },
    t4: [2, 0, 0, 0, 2, 0, 3, 0, 0, 3, ...z(5)],
  },
  '003': {
    year: 2021,
    t2: t2(686, 0, 0, 373.91),
    t3: { '1': [17, 2, 0, 0, 0, 0, 19], '3.1': [6, 1, 0, 0, 0, 0, 7], '3.2': [10, 1, 0, 0, 0, 0, 11], '3.7': [16, 2, 0, 0, 0, 0, 18], '4': [1, 0, 0, 0, 0, 0, 1] },
    t4: [1, 0, 1, 7, 9, 8, 8, 1, 7, 24, 1, 0, 0, 0, 1],
  },
  '004': {
    year: 2023,
    t2: t2(56, 2),
    t3: { '1': [6, 0, 0, 0, 0, 0, 6], '3.1': [5, 0, 0, 0, 0, 0, 5], '3.3.4': [1, 0, 0, 0, 0, 0, 1], '3.7': [6, 0, 0, 0, 0, 0, 6] },
    t4: z(15),
  },
};
