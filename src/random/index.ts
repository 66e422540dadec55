/** numts/random (being built). */
import '../ops';
import '../tensor';
export {};
