// Type-checks (and optionally emits) TypeScript files with the pinned typescript package, strict.
// stdin: {"files": ["a.ts", ...], "outDir": "dir" | null}; stdout: {"ok": bool, "diagnostics": [{code, message, file, line}]}.
import ts from "typescript";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
}));

const options = {
  strict: true,
  noEmit: !input.outDir,
  outDir: input.outDir ?? undefined,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  types: [],
};
const program = ts.createProgram(input.files, options);
const emitted = program.emit();
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) => {
  const position = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
  return {
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
    file: d.file?.fileName ?? null,
    line: position ? position.line + 1 : null,
  };
});
console.log(JSON.stringify({ ok: diagnostics.length === 0, diagnostics }));
