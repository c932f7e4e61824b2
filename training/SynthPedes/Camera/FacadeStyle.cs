namespace VfeTps.Stream.SynthPedes;

/// <summary>What the wall behind the pedestrians looks like at one camera.</summary>
public enum FacadeStyle
{
    Brick,
    Plaster,
    Glass,
    Shopfront,
}
