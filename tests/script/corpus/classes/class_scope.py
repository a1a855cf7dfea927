# The class body runs once, top to bottom; methods see globals, not class names.
log = []
class Config:
    log.append("class body runs")
    debug = False
    level = 3 if debug else 1
    names = [n for n in ("a", "b")]
    def show(self):
        return (self.level, self.names)
print(log, Config.level, Config().show())
print(Config.show.__name__, hasattr(Config, "show"), hasattr(Config, "log"))
