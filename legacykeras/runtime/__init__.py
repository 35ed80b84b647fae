"""What turns a rules-table row into a live Keras 3 object."""
