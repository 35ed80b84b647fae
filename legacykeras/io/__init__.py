"""Reading and writing Keras 1 files (HDF5 weights, JSON/YAML configs)."""
