// Chapter 8 exercises with numeric answers.
import { exercise } from './exercise';

exercise('8.1', 'P(spam | "free"): 80% of spam and 5% of ham contain "free"; 30% is spam', () => {
  const pFree = 0.8 * 0.3 + 0.05 * 0.7;
  return { 'P(free)': pFree, 'P(spam|free)': (0.8 * 0.3) / pFree };
});

exercise('8.3', 'Xavier/Glorot normal initialisation for a 256×128 layer', () => {
  const variance = 2 / (256 + 128);
  return { 'xavier_variance(256,128)': variance, 'xavier_std(256,128)': Math.sqrt(variance) };
});
