/** numts/linalg (being built). */
import '../ops';
import '../tensor';
export {};
