// Chapter 9 exercises with numeric answers.
import * as np from 'numts';
import { Bernoulli } from 'numts/stats';
import { exercise } from './exercise';

exercise('9.1', 'MLE of P(heads) from 7 heads in 10 flips', () => {
  const flips = np.array([1, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
  return { p_mle: Bernoulli.fit(flips).p };
});
