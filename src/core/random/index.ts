export { Sfc32, hash32, sharedGenerator } from './sfc32';
