/** The panel's own styles, inside its shadow root: nothing leaks in or out. */
export const PANEL_CSS = `
:host { all: initial; }
.panel { font: 13px/1.4 ui-sans-serif, system-ui, sans-serif; color: #0f172a; background: #fff; border: 1px solid #cbd5e1;
  border-radius: 12px; box-shadow: 0 12px 40px rgb(15 23 42 / .25); display: flex; flex-direction: column; max-height: 80vh; overflow: hidden; }
header { display: flex; align-items: center; justify-content: space-between; padding: 8px 12px; background: #0f172a; color: #fff; }
header h2 { margin: 0; font-size: 14px; }
header button { background: none; border: 0; color: #fff; font-size: 16px; cursor: pointer; }
[role=tablist] { display: flex; flex-wrap: wrap; gap: 2px; padding: 6px 8px 0; border-bottom: 1px solid #e2e8f0; }
[role=tab] { border: 0; background: none; padding: 6px 10px; border-radius: 6px 6px 0 0; cursor: pointer; font: inherit; color: #334155; }
[role=tab][aria-selected=true] { background: #e0e7ff; color: #1e3a8a; font-weight: 600; }
[role=tabpanel] { padding: 10px 12px; overflow: auto; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #eef2f7; vertical-align: top; }
th { color: #475569; font-weight: 600; }
h3 { font-size: 13px; margin: 12px 0 4px; }
.toolbar, .controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
button, select, input { font: inherit; }
.controls button, .toolbar button { padding: 5px 10px; border: 1px solid #cbd5e1; border-radius: 6px; background: #f8fafc; cursor: pointer; }
.ok { color: #15803d; } .bad { color: #b45309; }
:focus-visible { outline: 2px solid #f97316; outline-offset: 1px; }
`;
