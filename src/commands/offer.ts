/** rel offer [WHO [TEXT...]] [--close ID] [--all] [--json]: what someone can give (see wish.ts). */
import type { App } from '../app.js';
import { registerWish } from './shared/wish.js';

export function register(app: App): void {
  registerWish(app, 'offer');
}
