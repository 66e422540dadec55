/** numts/ml (being built). */
import '../ops';
import '../tensor';
export {};
