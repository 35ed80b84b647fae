"""Keras 1.2.2 `keras.applications`: VGG16, VGG19, ResNet50, InceptionV3, Xception (and
`music_tagger_crnn.MusicTaggerCRNN`), built from Keras 1 layers so that Keras 1's
pre-trained weight files load as they are.

`weights='imagenet'` reads Keras 1's files from ~/.keras/models (for example
`vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5`), downloading them when
missing; offline, a missing file raises `DownloadError` naming the URL and
the path to put it at. With `image_dim_ordering` 'th' the Theano-kernel files
are read and their kernels flipped, as Keras 1 did on TensorFlow.
"""

from legacykeras.applications.inception_v3 import InceptionV3
from legacykeras.applications.resnet50 import ResNet50
from legacykeras.applications.vgg16 import VGG16
from legacykeras.applications.vgg19 import VGG19
from legacykeras.applications.xception import Xception

__all__ = ["VGG16", "VGG19", "ResNet50", "InceptionV3", "Xception"]
