export { createRest } from '../transport/rest';
