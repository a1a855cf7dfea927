import typing as t
from typing import Optional, List, Dict, Union, Callable, Tuple
print(t.Optional[int], t.List[int], t.Dict[str, t.List[int]], t.Union[int, str], t.Union[int, None], t.Union[None, int], t.Union[int], t.Union[int, t.Union[str, int]])
print(t.Callable[[int, str], bool], t.Callable[..., int], t.Tuple[int, ...], t.Literal[1, 'a'], t.Optional[t.Union[int, str]], t.Set[float], t.Type[int], t.Awaitable[None])
print(t.List[int] == t.List[int], t.List[int].__args__, t.List[int].__origin__, t.Union[int,str].__args__, t.Union[int, str] == t.Union[str, int])
for e in ['t.Optional[int, str]', 't.List[int]()', 't.Union[()]']:
  try: eval(e)
  except Exception as x: print(type(x).__name__, x)
class Node: pass
print(t.Any, t.Optional, Optional[Callable[[], None]])
