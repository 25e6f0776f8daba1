import './base.css';
import './pages.css';
import { startRouter } from './router';

const root = document.getElementById('app');
if (root) startRouter(root);
