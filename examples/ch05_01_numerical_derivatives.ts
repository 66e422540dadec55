// Chapter 5 · Derivatives — numerical derivatives by central differences.
import * as np from 'numts';

// Numerical derivative approximation
function numericalDerivative(f: (x: number) => number, x: number, h = 1e-7): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

// f(x) = x³ + 2x, f'(x) = 3x² + 2
const f = (x: number): number => x ** 3 + 2 * x;

const x = 3.0;
const numerical = numericalDerivative(f, x);
const analytical = 3 * x ** 2 + 2;
console.log(`Numerical: ${np.format(numerical, '.6f')}`); // 29.000000
console.log(`Analytical: ${np.format(analytical, '.6f')}`); // 29.000000 ✓

// Partial derivatives of f(x,y) = x²y + 3xy²
const fxy = (x: number, y: number): number => x ** 2 * y + 3 * x * y ** 2;

// ∂f/∂x at (2, 3)
const dfDx = (fxy(2 + 1e-7, 3) - fxy(2 - 1e-7, 3)) / 2e-7;
console.log(`∂f/∂x at (2,3) = ${np.format(dfDx, '.2f')}`); // 2*2*3 + 3*9 = 39
