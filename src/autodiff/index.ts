/** numts/autodiff (being built). */
import '../ops';
import '../tensor';
export {};
