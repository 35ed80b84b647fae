"""The kernel/bias options shared by the hand-written Keras 1 layers (MaxoutDense, Highway, ...)."""

from legacykeras._keras import keras


def set_kernel_bias_options(layer, kernel_initializer, kernel_regularizer, bias_regularizer,
                            kernel_constraint, bias_constraint, use_bias) -> None:
    """Resolve and store the options the way Keras 3's own Dense does."""
    layer.kernel_initializer = keras.initializers.get(kernel_initializer)
    layer.kernel_regularizer = keras.regularizers.get(kernel_regularizer)
    layer.bias_regularizer = keras.regularizers.get(bias_regularizer)
    layer.kernel_constraint = keras.constraints.get(kernel_constraint)
    layer.bias_constraint = keras.constraints.get(bias_constraint)
    layer.use_bias = use_bias
