/** numts/mcmc (being built). */
import '../ops';
import '../tensor';
export {};
