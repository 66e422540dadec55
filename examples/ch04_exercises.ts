// Chapter 4 exercises with numeric answers.
import * as np from 'numts';
import { exercise } from './exercise';

exercise('4.1', '100 clips × 30 frames × 3 channels × 128×128 pixels', () => {
  const video = np.zeros([100, 30, 3, 128, 128], 'uint8');
  return { shape: [...video.shape], rank: video.ndim, elements: video.size };
});

exercise('4.2', 'reshaping and flattening keep every value', () => {
  const t = np.arange(24).reshape(2, 3, 4);
  const r = t.reshape(6, 4);
  const f = t.flatten();
  return { elements: t.size, reshape_6x4: [...r.shape], flatten: [...f.shape], same_values: np.arrayEqual(f, r.ravel()) };
});

exercise('4.3', 'a (3,1) tensor plus a (3,4) tensor', () => {
  const s = np.ones([3, 1]).add(np.ones([3, 4]));
  return { result_shape: [...s.shape] };
});
