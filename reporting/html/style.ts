// The page's stylesheet (inline: the page loads nothing from the network). Outcome colours come from outcomes.ts.

import { outcomeCss } from './outcomes.ts';

export function pageCss(): string {
  return `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;padding:16px 24px;max-width:1400px;color:#1a1a1a}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:15px;margin:0 0 6px}
code,pre{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}pre{background:#f6f6f6;border:1px solid #e2e2e2;padding:6px 8px;white-space:pre-wrap;word-break:break-all;margin:4px 0}
.facts{color:#555;margin:0 0 12px}
.verdict{padding:14px 18px;border-radius:6px;margin:8px 0 16px;font-size:16px}.verdict .word{font-size:26px;font-weight:700;margin-right:14px;letter-spacing:.5px}
.verdict .counts span{margin-right:16px;white-space:nowrap}.verdict .sub{font-size:13px;margin-top:6px}
.badge{display:inline-block;font-size:11px;font-weight:700;padding:1px 6px;border-radius:3px;vertical-align:middle}
article.case{border:1px solid #e0b4b4;border-left:6px solid #c00;border-radius:4px;padding:10px 14px;margin:10px 0;background:#fffafa}
.meta{color:#555;margin:0 0 6px}table.checks{border-collapse:collapse;margin:6px 0;width:100%}
table.checks th,table.checks td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}table.checks th{background:#f3f3f3;width:1%;white-space:nowrap}
.diff{margin-top:6px;font:14px/1.9 ui-monospace,monospace;background:#fff;border:1px dashed #bbb;padding:4px 8px}
.diff .key{font:11px system-ui;color:#555;margin-left:8px}
del{background:#ffc4c4;color:#800;text-decoration:none;border-bottom:2px solid #c00;padding:1px 2px}
ins{background:#bff0c8;color:#064;text-decoration:none;border-bottom:2px solid #080;padding:1px 2px;font-weight:700}
.cp{display:inline-block;font:11px/1.2 system-ui;margin:0 2px;padding:0 3px;border:1px solid currentColor;border-radius:3px;font-weight:400}
.hint{background:#f2f7ff;border-left:4px solid #58c;padding:6px 10px;margin:6px 0}.repro{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.group{margin:10px 0}.group ul{margin:4px 0 4px 18px;padding:0}.reasons{color:#555;margin:2px 0 4px}.count{font-weight:700}
.filters{position:sticky;top:0;background:#fff;padding:6px 0;border-bottom:1px solid #eee;z-index:2}.filters label{margin-right:12px;white-space:nowrap}
table.matrix{border-collapse:collapse;font-size:12px}table.matrix td,table.matrix th{border:1px solid #ddd;padding:1px 3px;text-align:center;min-width:22px}
table.matrix th.op{vertical-align:bottom;height:150px}th.op div{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:400}
table.matrix th.entry{text-align:left;font:12px ui-monospace,monospace;white-space:nowrap;font-weight:400}.general{font:10px system-ui;color:#666}
td a{color:inherit;font-weight:700}.legend{margin-right:10px;white-space:nowrap}.swatch{display:inline-block;min-width:18px;text-align:center;border:1px solid #bbb}
.cov{display:flex;width:320px;height:12px;border:1px solid #bbb;background:#fff}.cov span{display:block;height:100%}.c-ok{background:#2a8a3e}.c-wrong{background:#c00}.c-np{background:#bbb}
table.coverage th{text-align:left;font-weight:400;padding-right:8px}li.cluster{margin:6px 0}
.hidden{display:none}.note{color:#555;font-size:12px}
${outcomeCss()}`;
}
