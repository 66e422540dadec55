// Chapter 8 · Probability — Bayes' rule for a medical test.
import * as np from 'numts';

// Disease prevalence 1%, sensitivity 99%, specificity 95%.
// You test positive: what is the probability you are actually sick?
const pDisease = 0.01; // prior P(D)
const pPosGivenDisease = 0.99; // likelihood P(+|D)
const pPosGivenHealthy = 0.05; // false positive rate P(+|¬D)

// P(+) = P(+|D)P(D) + P(+|¬D)P(¬D)
const pPositive = pPosGivenDisease * pDisease + pPosGivenHealthy * (1 - pDisease);

// P(D|+) = P(+|D)P(D) / P(+)
const pDiseaseGivenPos = (pPosGivenDisease * pDisease) / pPositive;

console.log(`P(disease | positive test) = ${np.format(pDiseaseGivenPos, '.2%')}`);
// Only ~16.7% despite a 99% sensitive test: the disease is rare (a low prior).
