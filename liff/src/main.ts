const app = document.getElementById('app');
if (app) app.textContent = 'ระบบรับเรื่องร้องเรียนและแผนป้องกันการทุจริต';
