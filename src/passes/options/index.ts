export {
  bigIntOption,
  boolOption,
  defaultOptionValues,
  enumOption,
  floatOption,
  intOption,
  listOption,
  stringOption,
  unsignedOption,
  valueName,
  type AnyOptionValues,
  type EnumChoice,
  type IntegerFlavor,
  type OptionSpec,
  type OptionsSchema,
  type OptionValues,
  type ScalarType,
  type ScalarValue,
} from './option-spec.js';
export { cleanArgument, findUnnested, splitListValue, splitOptionString, type Located, type OptionEntry } from './option-string.js';
export { formatPercentE, formatScalar, formatStringValue, parseCFloat, parseLlvmInteger, parseScalar, type ParseResult } from './scalar-values.js';
export { compareBytes, formatOptionValues, parseOptionEntries, readOptionEntries, type ParsedOptions } from './pass-options.js';
