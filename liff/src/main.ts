import './base.css';
import './plans/plans.css';
import { startRouter } from './router';

const root = document.getElementById('app');
if (root) startRouter(root);
