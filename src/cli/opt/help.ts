export const OPT_HELP = `OVERVIEW: numaccl modular optimizer driver (an mlir-opt work-alike)

USAGE: numaccl-opt [options] <input file>

OPTIONS:
  -o <filename>                    Output filename ('-' for stdout, the default); written only on success
  --allow-unregistered-dialect     Allow operation with no registered dialects
  --mlir-print-op-generic          Print the generic op form
  --mlir-print-debuginfo           Print debug info (locations) in MLIR output
  --split-input-file               Split the input file into pieces at '// -----' and process each
  --verify-diagnostics             Check that emitted diagnostics match expected-* lines in the input
  --emit-irdl                      Print the IRDL definition of the ccl dialect (load it with mlir-opt --irdl-file)
  --no-implicit-module             Disable the parsing of an implicit top-level module op
  --version                        Display the version
  -h, --help                       Display available options
`;
