"""(stub)"""
def convert(m, row, o, u, q): return None
