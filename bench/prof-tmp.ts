import { fictionalSeedConferences } from './lib/seed-store';
import { withAuditFields } from './audit.bench';
import { templateForRecord } from '../templates/conference-templates';
import { validateAgainstTemplate } from '../domain/template/validate';
const all = [...fictionalSeedConferences(300, new Date().toISOString(), withAuditFields)].map((x) => x.record);
for (let k = 0; k < 3; k++) { const t = performance.now(); for (const r of all) validateAgainstTemplate(templateForRecord(r), r); console.log(((performance.now() - t) / all.length).toFixed(3)); }
