/**
 * Splits xmllint's stderr for a batch (`NAME:LINE: … error : message`, continuation lines with the source
 * excerpt and a caret, `NAME validates`, `NAME fails to validate`) into findings per input file.
 */

export interface RawFinding {
  line: number;
  kind: 'schema' | 'parser';
  /** libxml2's text after `… error : `. */
  text: string;
}

export interface FileOutcome {
  validates: boolean;
  findings: RawFinding[];
}

const FINDING = /^(\d+): (?:element [^:]+: )?(Schemas validity|parser|validity|namespace|Schemas parser) (?:error|warning) : (.*)$/;

export function splitXmllintOutput(stderr: string, fileNames: readonly string[]): FileOutcome[] {
  const byName = new Map(fileNames.map((name, index) => [name, index]));
  const outcomes: FileOutcome[] = fileNames.map(() => ({ validates: false, findings: [] }));
  for (const line of stderr.split('\n')) {
    const colon = line.indexOf(':');
    const spaced = line.lastIndexOf(' ');
    if (line.endsWith(' validates')) {
      const index = byName.get(line.slice(0, -' validates'.length));
      if (index !== undefined) outcomes[index]!.validates = true;
      continue;
    }
    if (colon <= 0 || spaced < 0) continue;
    const index = byName.get(line.slice(0, colon));
    if (index === undefined) continue;
    const finding = FINDING.exec(line.slice(colon + 1));
    if (!finding) continue;
    outcomes[index]!.findings.push({
      line: Number(finding[1]),
      kind: finding[2] === 'parser' || finding[2] === 'namespace' ? 'parser' : 'schema',
      text: finding[3] ?? '',
    });
  }
  return outcomes;
}
