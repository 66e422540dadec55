/** numts/optimize (being built). */
import '../ops';
import '../tensor';
export {};
