// Chapter 4 · Tensors — shapes, reshaping and broadcasting.
import * as np from 'numts';

np.random.seed(0);

// A batch of 32 colour images, 224×224 pixels, 3 channels (RGB)
const batch = np.random.randn(32, 3, 224, 224);
console.log(`Shape: ${np.format(batch.shape)}`); // (32, 3, 224, 224)
console.log(`Rank: ${batch.ndim}`); // 4
console.log(`Total elements: ${np.format(batch.size, ',')}`); // 4,816,896

// Reshaping — connects convolutional layers to dense layers
const flat = batch.reshape(32, -1); // (32, 150528)
console.log(`Flattened: ${np.format(flat.shape)}`);

// Broadcasting — NumPy's rules expand the size-1 dimensions
const image = np.random.randn(3, 224, 224);
const mean = np.array([0.485, 0.456, 0.406]).reshape(3, 1, 1);
const normalized = image.sub(mean); // the mean broadcasts across H×W
void normalized;
