import logging

logging.debug("not shown")
logging.warning("careful: %s", "disk")
logging.error("failed")
logging.getLogger("worker").critical("stopping %d tasks", 3)
print("stdout still works")
