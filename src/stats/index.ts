/** numts/stats (being built). */
import '../ops';
import '../tensor';
export {};
