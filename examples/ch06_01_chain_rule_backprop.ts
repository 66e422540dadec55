// Chapter 6 · Gradients & Backpropagation — the chain rule and a 2-layer network by hand.
import * as np from 'numts';

// y = sin(x²):  dy/dx = cos(x²) · 2x  (outer' × inner')
const x = 2.0;
const analytical = Math.cos(x ** 2) * 2 * x;

// Numerical verification
const h = 1e-7;
const numerical = (Math.sin((x + h) ** 2) - Math.sin((x - h) ** 2)) / (2 * h);
console.log(`Analytical: ${np.format(analytical, '.6f')}`);
console.log(`Numerical:  ${np.format(numerical, '.6f')}`); // match ✓

// Backprop through a simple 2-layer network
function forwardAndBackward(x: number, w1: number, w2: number): [number, number, number] {
  // Forward pass
  const z1 = w1 * x; // layer 1
  const a1 = Math.max(0, z1); // ReLU
  const z2 = w2 * a1; // layer 2
  const loss = (z2 - 1.0) ** 2; // MSE loss (target = 1.0)

  // Backward pass (the chain rule)
  const dLdz2 = 2 * (z2 - 1.0); // ∂L/∂z2
  const dLdw2 = dLdz2 * a1; // ∂L/∂w2 = ∂L/∂z2 · ∂z2/∂w2
  const dLda1 = dLdz2 * w2; // ∂L/∂a1 = ∂L/∂z2 · ∂z2/∂a1
  const dLdz1 = dLda1 * (z1 > 0 ? 1 : 0); // ∂L/∂z1 (ReLU derivative)
  const dLdw1 = dLdz1 * x; // ∂L/∂w1

  return [loss, dLdw1, dLdw2];
}

const [loss, gradW1, gradW2] = forwardAndBackward(2.0, 0.5, 0.3);
console.log(`Loss: ${np.format(loss, '.4f')}, ∂L/∂w1: ${np.format(gradW1, '.4f')}, ∂L/∂w2: ${np.format(gradW2, '.4f')}`);
