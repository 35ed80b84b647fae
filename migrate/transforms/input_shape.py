"""(stub)"""
def convert_sequential_list(m, row, o, u, q): return None
def convert_add(m, o, u): return u
