"""Keras 1.2.2 `keras.utils`: np_utils, generic_utils, data_utils, io_utils, layer_utils, visualize_util, test_utils.

Keras 3 folded these modules into one `keras.utils` namespace; legacykeras keeps
Keras 1's module tree and signatures (`to_categorical(y, nb_classes)`,
`Progbar(target, width=30)`, `get_file(..., cache_subdir='datasets')`).
"""
