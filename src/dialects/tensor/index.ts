import { tensorOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import { dynamicIndexList } from '../common/dynamic-index-list.js';
import type { Dialect } from '../../ir/index.js';
import { tensorCastOverrides } from './verify/casts.js';
import { verifyConcat } from './verify/concat.js';
import {
  dynamicSizesVerifier,
  verifyExtract,
  verifyGenerateRegions,
  verifyInsert,
  verifyReshape,
} from './verify/elements.js';
import { verifyGather, verifyScatter } from './verify/gather-scatter.js';
import { verifyCollapseShape, verifyExpandShape } from './verify/reshapes.js';
import { sliceTraitVerifier, verifyExtractSlice, verifyInsertSlice, verifyPad, verifyPadRegions } from './verify/slices.js';

/** The tensor dialect, from LLVM 22 ODS plus the C++ verifiers of TensorOps.cpp. */
export function tensorDialect(): Dialect {
  return defineOdsDialect(tensorOds, {
    customDirectives: new Map([['DynamicIndexList', dynamicIndexList]]),
    overrides: {
      ...tensorCastOverrides(),
      'tensor.concat': { verify: verifyConcat },
      'tensor.extract': { verify: verifyExtract },
      'tensor.insert': { verify: verifyInsert },
      'tensor.empty': { verify: dynamicSizesVerifier('dynamicSizes') },
      'tensor.splat': { verify: dynamicSizesVerifier('dynamicSizes') },
      'tensor.generate': { verify: dynamicSizesVerifier('dynamicExtents'), verifyRegions: verifyGenerateRegions },
      'tensor.reshape': { verify: verifyReshape },
      'tensor.gather': { verify: verifyGather },
      'tensor.scatter': { verify: verifyScatter },
      'tensor.expand_shape': { verify: verifyExpandShape },
      'tensor.collapse_shape': { verify: verifyCollapseShape },
      'tensor.extract_slice': {
        traitVerifiers: { OffsetSizeAndStrideOpInterface: sliceTraitVerifier('source') },
        verify: verifyExtractSlice,
      },
      'tensor.insert_slice': {
        traitVerifiers: { OffsetSizeAndStrideOpInterface: sliceTraitVerifier('dest') },
        verify: verifyInsertSlice,
      },
      'tensor.parallel_insert_slice': {
        traitVerifiers: { OffsetSizeAndStrideOpInterface: sliceTraitVerifier('dest') },
        verify: verifyInsertSlice,
      },
      'tensor.pad': { verify: verifyPad, verifyRegions: verifyPadRegions },
    },
  });
}
export { tensorOds };
