// Chapter 2 exercises with numeric answers.
import * as np from 'numts';
import { exercise } from './exercise';

exercise('2.1', 'A = [[1,2],[3,4]] times B = [[5,6],[7,8]] (book erratum: C₂₂ is 50, not 48)', () => {
  const A = np.array([[1, 2], [3, 4]]);
  const B = np.array([[5, 6], [7, 8]]);
  const AB = A.matmul(B);
  console.log(AB.toString());
  return { AB: AB.tolist() };
});
