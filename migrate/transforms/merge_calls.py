"""(stub)"""
def convert_merge_function(m, row, o, u, q): return None
def convert_merge_layer(m, row, o, u, q): return None
