import { installOfflineGuard } from './offline-guard';

// Its own module so that main.tsx imports it first: ES modules run in import order.
installOfflineGuard();
